package id.loket.common.model;

/**
 * A refusal of who is asking rather than of what they ask: not signed in, a session that is
 * unknown or ended, a deactivated or locked account, a role without the permission. The
 * command line answers it with exit code 2.
 */
public class AccessRefused extends UserFacingException {

    public AccessRefused(String key, Object... args) {
        super(key, args);
    }
}
