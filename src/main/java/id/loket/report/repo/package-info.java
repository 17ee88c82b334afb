/**
 * Runs a report's SQL as the report reader (a database user that may only SELECT the tables
 * reports need, in a transaction rolled back afterwards), with its named parameters bound as
 * values (jOOQ plain SQL).
 */
package id.loket.report.repo;
