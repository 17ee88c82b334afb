/** Report definitions, parameters and results: plain Java, no database, no desktop. */
package id.loket.report.model;
