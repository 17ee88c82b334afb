-- The audit trail becomes a hash chain (docs/security.md, "A history nobody can rewrite").
-- Each row gets its place in the chain (seq: 1, 2, 3, ... without gaps, in commit order), the
-- previous row's hash and its own: SHA-256 over the row's canonical form, which includes seq
-- and prev_hash (see id.loket.audit.model.AuditCanonical). Rows written before this version
-- have no seq yet: Loket chains them, in id order, at its first start or first append.
-- Written in SQL that both H2 (MODE=PostgreSQL) and PostgreSQL accept.
ALTER TABLE audit_log ADD COLUMN seq BIGINT;
ALTER TABLE audit_log ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_log ADD COLUMN hash VARCHAR(64);
CREATE UNIQUE INDEX audit_log_seq_uk ON audit_log (seq);

-- The chain's end: one row, updated by every append while it holds the row's lock, so that
-- appenders (threads, desks sharing a PostgreSQL database) take turns and never fork the chain.
-- seq 0 and 64 zeros: the chain is empty (the first row's prev_hash is 64 zeros).
CREATE TABLE audit_head (
    id   INTEGER     NOT NULL PRIMARY KEY,
    seq  BIGINT      NOT NULL,
    hash VARCHAR(64) NOT NULL,
    CONSTRAINT audit_head_one_ck CHECK (id = 1)
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
