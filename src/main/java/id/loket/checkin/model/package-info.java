/** Check-in: what a scan finds, what a walk-in form holds. Plain Java only. */
package id.loket.checkin.model;
