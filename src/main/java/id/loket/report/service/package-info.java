/** Reads the report catalogue (files), runs a report through the repo, writes CSV. */
package id.loket.report.service;
