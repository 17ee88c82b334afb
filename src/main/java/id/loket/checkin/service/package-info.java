/** Check-in, walk-in registration and calling the next applicant. Plain Java only. */
package id.loket.checkin.service;
