/** The supervisor's use cases: closing the day (no-shows) and the day's dashboard. Role checked here. No Swing. */
package id.loket.supervisor.service;
