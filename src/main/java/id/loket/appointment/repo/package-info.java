/** Appointments in the local database (jOOQ). Returns domain records, never jOOQ records. */
package id.loket.appointment.repo;
