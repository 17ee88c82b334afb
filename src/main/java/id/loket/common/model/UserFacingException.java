package id.loket.common.model;

import java.util.Arrays;

/**
 * A refusal meant for the person at the desk: a message key of the resource bundle
 * {@code i18n/messages} and its arguments, rendered in their language by
 * {@link id.loket.common.i18n.Messages}. Never carries a full NIK, password or token.
 */
public class UserFacingException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public UserFacingException(String key, Object... args) {
        super(key + Arrays.toString(args));
        this.key = key;
        this.args = args.clone();
    }

    public UserFacingException(Throwable cause, String key, Object... args) {
        super(key + Arrays.toString(args), cause);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
