package id.loket.staff.service;

import id.loket.staff.model.Unguarded;
import id.loket.staff.model.Role;

/**
 * The person (or the system) a service acts for, as {@link Authorization} found them in the
 * database a moment ago: the account's name, full name and current role, and the counter of
 * the session. Only {@code Authorization} makes one, so no caller can claim a role.
 */
public final class Officer {

    private final String username;
    private final String fullName;
    private final Role role;
    private final String counter;

    Officer(String username, String fullName, Role role, String counter) {
        this.username = username;
        this.fullName = fullName;
        this.role = role;
        this.counter = counter;
    }

    @Unguarded("the verified caller, made only by Authorization")
    public String username() {
        return username;
    }

    @Unguarded("the verified caller, made only by Authorization")
    public String fullName() {
        return fullName;
    }

    /** The role the account has now; {@code null} for the system principal. */
    @Unguarded("the verified caller, made only by Authorization")
    public Role role() {
        return role;
    }

    @Unguarded("the verified caller, made only by Authorization")
    public String counter() {
        return counter;
    }

    @Override
    public String toString() {
        return "Officer[" + username + " " + role + " at " + counter + "]";
    }
}
