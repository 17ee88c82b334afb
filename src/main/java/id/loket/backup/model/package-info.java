/**
 * What a backup or a restore answers: the file written, where the replaced database was kept,
 * and what the check after a restore found. Plain Java; no database, no Swing.
 */
package id.loket.backup.model;
