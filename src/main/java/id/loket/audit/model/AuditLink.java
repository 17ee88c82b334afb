package id.loket.audit.model;

import java.time.OffsetDateTime;

/**
 * One row of the audit trail as the chain sees it: its place ({@code seq}), what it says, the
 * hash of the entry before it and its own hash, as stored. {@code id} is the table's key, only
 * to point at a row; it is not part of the chain. {@code caseRef} is null for an office-wide
 * entry; {@code seq}, {@code prevHash} and {@code hash} are null on a row outside the chain.
 */
public record AuditLink(long id, Long seq, String caseRef, String action, String from, String to, OffsetDateTime at,
        String officer, String counter, String details, String prevHash, String hash) {
}
