/** Reads and writes of the supervisor's desk: day closings, no-shows, the dashboard's few queries. jOOQ only. */
package id.loket.supervisor.repo;
