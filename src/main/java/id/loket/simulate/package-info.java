/**
 * A simulated office day: applicants arriving around their slots (and some not at all), counter
 * officers and a supervisor taking every step through the real check-in and verification
 * services, on a simulated clock. Deterministic for a seed and resumable from what the database
 * holds. The demo's busy office, the benchmarks' load and the fault tests' driver. Swing-free.
 * Between moves it may talk to central through the sync services ({@code CentralRounds}: pull,
 * then push), never letting a fault of central end the day.
 */
package id.loket.simulate;
