package id.loket.appointment.model;

/**
 * Lengths the local store accepts. An item from central beyond one of them is set aside with
 * a reason instead of being cut: a name is never silently truncated.
 */
public final class Limits {
    /** The contract's maxLength for {@code applicant.fullName}. */
    public static final int FULL_NAME = 200;
    public static final int BOOKING_CODE = 32;
    public static final int SLOT = 5;
    public static final int BIRTH_PLACE = 200;
    public static final int PHONE = 50;
    public static final int EMAIL = 320;
    public static final int OLD_PASSPORT_NUMBER = 50;
    public static final int GUARDIAN_NIK = 32;
    public static final int ID = 36;

    private Limits() {
    }
}
