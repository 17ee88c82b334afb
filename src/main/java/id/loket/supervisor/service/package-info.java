/** The supervisor's use cases: closing the day (no-shows), the day's dashboard, and releasing a case from a counter whose desk stopped. Role checked here. No Swing. */
package id.loket.supervisor.service;
