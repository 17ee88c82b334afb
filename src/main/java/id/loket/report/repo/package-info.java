/** Runs a report's SQL with its named parameters bound as values (jOOQ plain SQL). */
package id.loket.report.repo;
