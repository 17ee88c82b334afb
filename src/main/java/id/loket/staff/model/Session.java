package id.loket.staff.model;

import java.time.OffsetDateTime;

/**
 * Who is signed in, as {@code AuthService} handed it out: the session's id (random, stored in
 * the database), the account and its full name (for the screen), its role at login and the login time, and the counter the desk
 * stands at. Services never trust the role held here: they look the session up by its id and
 * re-read the account. A session built by hand has an id the database does not know, and is
 * refused.
 */
public record Session(String id, Kind kind, String username, String fullName, Role role, OffsetDateTime loginAt, String counter) {

    /** What signed in. */
    public enum Kind {
        /** A person with an account who gave their password. */
        STAFF,
        /** The pull and push loops: may move data between central and the database, nothing else. */
        SYSTEM,
        /** A data folder without any account: valid only until the first account exists. */
        SETUP,
        /** A training folder (simulate, demo): valid only on such a folder. */
        TRAINING
    }

    /** The same session at another counter (the counter is where the desk stands, not who is signed in). */
    public Session atCounter(String counterNumber) {
        return new Session(id, kind, username, fullName, role, loginAt, counterNumber);
    }

    @Override
    public String toString() {
        return "Session[" + kind + " " + username + "]"; // never the id: it is the credential
    }
}
