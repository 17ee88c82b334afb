/**
 * Report definitions (with the roles that may run them), parameters and results, and the check
 * that a report's SQL is one query: plain Java, no database, no desktop.
 */
package id.loket.report.model;
