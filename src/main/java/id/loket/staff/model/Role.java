package id.loket.staff.model;

/** What a staff member may do; the services check it, not only the menus. */
public enum Role { COUNTER, SUPERVISOR, ADMIN }
