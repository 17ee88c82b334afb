/**
 * Backups and restore of a desk's data folder: {@code loket backup}, the automatic backup when
 * the day is closed, and {@code loket restore}. Each method asks {@code Authorization} first and
 * audits what it did; the file work (H2's {@code BACKUP TO}, swapping the database file under
 * the folder lock) is {@code id.loket.db.Database}'s. May use {@code db}, {@code staff} and
 * {@code casefile.repo}; never Swing.
 */
package id.loket.backup.service;
