package id.loket.casefile.model;

import id.loket.common.model.UserFacingException;

/** A step the rules do not allow now: wrong state, or a role that may not take it. */
public final class TransitionRefused extends UserFacingException {

    public TransitionRefused(String key, Object... args) {
        super(key, args);
    }
}
