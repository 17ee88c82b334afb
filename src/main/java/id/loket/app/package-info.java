/**
 * The composition root and the command line: opens the database, builds the services, starts
 * the desk window or runs a headless command. The only place that knows every feature.
 */
package id.loket.app;
