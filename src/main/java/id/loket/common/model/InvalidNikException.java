package id.loket.common.model;

/** A text that is not a well-formed NIK; carries the reason and, for messages, the masked text. */
public final class InvalidNikException extends UserFacingException {

    private final Nik.Problem problem;

    public InvalidNikException(Nik.Problem problem, String text) {
        super("nik.invalid." + problem.name().toLowerCase(java.util.Locale.ROOT), Nik.mask(text));
        this.problem = problem;
    }

    public Nik.Problem problem() {
        return problem;
    }
}
