package id.loket.appointment.model;

/** A parent or guardian who attends with a minor. Every field is optional in the contract. */
public record Guardian(String nik, String fullName, GuardianRelation relation) {
}
