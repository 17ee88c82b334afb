/**
 * The counter screen (Swing): the scan field, the queue and the case panel together, the
 * actions with their keys, the help screen. Talks to the check-in and verification services
 * through background tasks, never to the database.
 */
package id.loket.counter.ui;
