package id.loket.central;

import id.loket.common.model.UserFacingException;

/**
 * An item from central that breaks the contract: which field, and why. The item is set
 * aside and reported; the rest of its page is applied.
 */
public final class ContractViolation extends UserFacingException {

    private final String field;

    public ContractViolation(String field, String problemKey, Object... args) {
        super(problemKey, prepend(field, args));
        this.field = field;
    }

    private static Object[] prepend(String field, Object[] args) {
        Object[] all = new Object[args.length + 1];
        all[0] = field;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    public String field() {
        return field;
    }
}
