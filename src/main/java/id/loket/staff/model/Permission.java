package id.loket.staff.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a service method does, and which roles may do it: the one policy table of Loket
 * (action × role). The system principal (pull and push) has its own two permissions and
 * nothing else. Each public service method names its permission with {@link Guarded}.
 */
public enum Permission {
    // the counter
    VIEW_QUEUE(Role.COUNTER, Role.SUPERVISOR),
    CHECK_IN(Role.COUNTER, Role.SUPERVISOR),
    CALL(Role.COUNTER, Role.SUPERVISOR),
    VERIFY(Role.COUNTER, Role.SUPERVISOR),
    APPROVE(Role.COUNTER, Role.SUPERVISOR),
    ISSUE_RECEIPT(Role.COUNTER, Role.SUPERVISOR),
    HAND_OVER(Role.COUNTER, Role.SUPERVISOR),
    PRINT_DOCUMENT(Role.COUNTER, Role.SUPERVISOR),
    // the supervisor
    VIEW_DASHBOARD(Role.SUPERVISOR),
    CLOSE_DAY(Role.SUPERVISOR),
    RESOLVE_CONFLICT(Role.SUPERVISOR),
    RUN_REPORT(Role.SUPERVISOR, Role.ADMIN),
    EXPORT_PERSONAL_DATA(Role.SUPERVISOR, Role.ADMIN),
    VIEW_OUTBOX(Role.SUPERVISOR, Role.ADMIN),
    /** Lets go of a case held by a counter whose desk stopped, so another counter can take it. */
    RELEASE_CASE(Role.SUPERVISOR),
    /** The running text of the waiting-room display (loket display). */
    SET_DISPLAY_TEXT(Role.SUPERVISOR, Role.ADMIN),
    // the administrator
    MANAGE_STAFF(Role.ADMIN),
    MANAGE_HOLIDAYS(Role.ADMIN),
    CHANGE_SETTINGS(Role.ADMIN),
    VERIFY_AUDIT(Role.SUPERVISOR, Role.ADMIN),
    BACKUP(Role.SUPERVISOR, Role.ADMIN),
    RESTORE(Role.ADMIN),
    /** The desk's own preferences (language, counter number): whoever is signed in at it. */
    DESK_PREFERENCE(Role.COUNTER, Role.SUPERVISOR, Role.ADMIN),
    // the system principal only
    PULL(),
    PUSH();

    private final Set<Role> roles;

    Permission(Role... roles) {
        this.roles = roles.length == 0 ? Collections.unmodifiableSet(EnumSet.noneOf(Role.class))
                : Collections.unmodifiableSet(EnumSet.of(roles[0], roles));
    }

    /** The staff roles that may do this (none for the system's own work). */
    public Set<Role> roles() {
        return roles;
    }

    /** Whether the system principal may do this: pulling and pushing, nothing else. */
    public boolean system() {
        return this == PULL || this == PUSH;
    }
}
