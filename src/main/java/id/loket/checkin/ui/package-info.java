/** Check-in on screen (Swing): the scan bar and the walk-in form. Talks to services, never to the database. */
package id.loket.checkin.ui;
