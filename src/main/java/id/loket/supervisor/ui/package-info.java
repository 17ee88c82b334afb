/** The supervisor's screens: the dashboard and closing the day. */
package id.loket.supervisor.ui;
