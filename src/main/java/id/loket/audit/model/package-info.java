/**
 * The chain's plain-Java pieces: an entry as chained ({@link id.loket.audit.model.AuditLink}),
 * its canonical form and hash ({@link id.loket.audit.model.AuditCanonical}), the head and its
 * HMAC-signed file format ({@link id.loket.audit.model.SignedHead}), and what a check found
 * ({@link id.loket.audit.model.AuditReport}). No database, no Swing.
 */
package id.loket.audit.model;
