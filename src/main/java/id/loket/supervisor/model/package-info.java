/** What the supervisor's desk shows: the closing of a day and the day's dashboard. Plain Java only. */
package id.loket.supervisor.model;
