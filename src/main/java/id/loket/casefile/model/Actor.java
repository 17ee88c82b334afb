package id.loket.casefile.model;

import id.loket.staff.model.Role;

/** Who does a step and at which counter: every transition is recorded with them. */
public record Actor(String username, Role role, String counter) {
}
