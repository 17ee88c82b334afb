package id.loket.simulate;

import id.loket.staff.model.Role;

/**
 * Who does what in a simulated day: a name, a role and a counter. On a training folder each
 * becomes a training session ({@code AuthService.trainingSession}); the services check it like
 * any other.
 */
public record SimStaff(String username, Role role, String counter) {
}
