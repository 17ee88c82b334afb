/**
 * Reads the report catalogue (the built-in reports and the administrator's folder, never the
 * working directory), runs a report through the repo, writes CSV.
 */
package id.loket.report.service;
