package id.loket.staff.model;

/** A member of the office's staff, as the desk knows them after login. No password here. */
public record Staff(String username, String fullName, Role role) {
}
