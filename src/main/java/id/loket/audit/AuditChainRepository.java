package id.loket.audit;

import static id.loket.db.jooq.Tables.AUDIT_HEAD;
import static id.loket.db.jooq.Tables.AUDIT_LOG;

import id.loket.audit.model.AuditCanonical;
import id.loket.audit.model.AuditHead;
import id.loket.audit.model.AuditLink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;

/**
 * The audit chain in the database. Every entry is appended here, never updated afterwards.
 *
 * <p>Appending first increments the single row of {@code audit_head}: that row stays locked
 * until the transaction ends, so appenders on other threads or other desks (PostgreSQL) wait
 * for it and each takes the next number in commit order, hashing over the entry before it.
 * The chain cannot fork and has no gaps; a transaction that rolls back gives its number back.
 * Keep the append late in a transaction: the lock is held until the commit.
 *
 * <p>Rows written before the chain existed (a data folder of an earlier version) have no
 * number. While the chain is empty they are chained, in the order they were written, by
 * {@link #sealLegacy()} at start or by the first append; afterwards a row without a number is
 * not part of the chain and verify reports it as inserted.
 */
public final class AuditChainRepository {

    private static final int PAGE = 2000;

    private final DSLContext ctx;
    private final AuditCanonical canonical = new AuditCanonical();

    public AuditChainRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Appends an entry at the end of the chain and answers its place and hash. Inside a
     * transaction it joins that transaction (and holds the head's lock until it ends); outside
     * one it runs in a transaction of its own. {@code at} is kept to the millisecond.
     */
    public AuditHead append(String caseRef, String action, String from, String to, OffsetDateTime at, String officer,
            String counter, String details) {
        if (autoCommit()) {
            return ctx.transactionResult(c -> new AuditChainRepository(c.dsl()).append(caseRef, action, from, to, at, officer, counter, details));
        }
        OffsetDateTime when = at.truncatedTo(ChronoUnit.MILLIS);
        AuditHead before = lockAndAdvance();
        long seq = before.seq() + 1;
        String prev = before.hash();
        if (before.seq() == 0) {
            AuditHead legacy = sealUnchained(AuditHead.EMPTY);
            seq = legacy.seq() + 1;
            prev = legacy.hash();
        }
        String hash = canonical.hash(seq, caseRef, action, from, to, when, officer, counter, details, prev);
        ctx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.CASE_REF, caseRef)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.FROM_STATUS, from)
                .set(AUDIT_LOG.TO_STATUS, to)
                .set(AUDIT_LOG.AT, when)
                .set(AUDIT_LOG.OFFICER, officer)
                .set(AUDIT_LOG.COUNTER_NO, counter)
                .set(AUDIT_LOG.DETAILS, details)
                .set(AUDIT_LOG.SEQ, seq)
                .set(AUDIT_LOG.PREV_HASH, prev)
                .set(AUDIT_LOG.HASH, hash)
                .execute();
        AuditHead head = new AuditHead(seq, hash);
        setHead(head);
        AuditHeadKeeper.noteAppend(ctx.configuration());
        return head;
    }

    /**
     * Chains the rows written before the chain existed, if the chain is still empty; answers
     * how many. Runs in a transaction of its own when called outside one.
     */
    public long sealLegacy() {
        if (autoCommit()) {
            return ctx.transactionResult(c -> new AuditChainRepository(c.dsl()).sealLegacy());
        }
        if (!ctx.fetchExists(AUDIT_LOG, AUDIT_LOG.SEQ.isNull())) {
            return 0;
        }
        ctx.update(AUDIT_HEAD).set(AUDIT_HEAD.SEQ, AUDIT_HEAD.SEQ).where(AUDIT_HEAD.ID.eq(1)).execute(); // takes the lock
        AuditHead before = head();
        if (before.seq() != 0) {
            return 0;
        }
        AuditHead after = sealUnchained(before);
        if (after.seq() > 0) {
            setHead(after);
            AuditHeadKeeper.noteAppend(ctx.configuration());
        }
        return after.seq();
    }

    /** The chain's end as the head row says (as this transaction sees it). */
    public AuditHead head() {
        Record2<Long, String> h = ctx.select(AUDIT_HEAD.SEQ, AUDIT_HEAD.HASH).from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle();
        return new AuditHead(h.value1(), h.value2());
    }

    /**
     * Up to {@code limit} entries of the chain after number {@code afterSeq}, in chain order.
     * Plain JDBC under jOOQ's connection: verify reads millions of rows through here.
     */
    public List<AuditLink> chainAfter(long afterSeq, int limit) {
        return ctx.connectionResult(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id, seq, case_ref, action, from_status, to_status, at, officer, counter_no,"
                    + " details, prev_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?")) {
                p.setLong(1, afterSeq);
                p.setInt(2, limit);
                p.setFetchSize(Math.min(limit, 5000));
                List<AuditLink> rows = new ArrayList<>(limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new AuditLink(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getString(9), rs.getString(10),
                                rs.getString(11), rs.getString(12)));
                    }
                }
                return rows;
            }
        });
    }

    /** Rows without a place in the chain, oldest first (at most {@code limit}). */
    public List<AuditLink> unchained(int limit) {
        return ctx.select(AUDIT_LOG.ID, AUDIT_LOG.SEQ, AUDIT_LOG.CASE_REF, AUDIT_LOG.ACTION, AUDIT_LOG.FROM_STATUS, AUDIT_LOG.TO_STATUS,
                        AUDIT_LOG.AT, AUDIT_LOG.OFFICER, AUDIT_LOG.COUNTER_NO, AUDIT_LOG.DETAILS, AUDIT_LOG.PREV_HASH, AUDIT_LOG.HASH)
                .from(AUDIT_LOG).where(AUDIT_LOG.SEQ.isNull()).orderBy(AUDIT_LOG.ID).limit(limit)
                .fetch(AuditChainRepository::link);
    }

    /**
     * The rows after row {@code afterId}, oldest first (at most {@code limit}), chained or not:
     * read along the primary key from there, so that sealing a long trail page by page costs a
     * page each time. (With a condition on {@code seq IS NULL} H2 takes the seq index and sorts
     * everything still unchained for every page: hours on a year's trail.)
     */
    private List<AuditLink> rowsAfter(long afterId, int limit) {
        return ctx.select(AUDIT_LOG.ID, AUDIT_LOG.SEQ, AUDIT_LOG.CASE_REF, AUDIT_LOG.ACTION, AUDIT_LOG.FROM_STATUS, AUDIT_LOG.TO_STATUS,
                        AUDIT_LOG.AT, AUDIT_LOG.OFFICER, AUDIT_LOG.COUNTER_NO, AUDIT_LOG.DETAILS, AUDIT_LOG.PREV_HASH, AUDIT_LOG.HASH)
                .from(AUDIT_LOG).where(AUDIT_LOG.ID.gt(afterId)).orderBy(AUDIT_LOG.ID).limit(limit)
                .fetch(AuditChainRepository::link);
    }

    /** The number of the first chained entry written after table row {@code id} (by row id), if any. */
    public Optional<Long> firstSeqAfterRow(long id) {
        return Optional.ofNullable(ctx.select(org.jooq.impl.DSL.min(AUDIT_LOG.SEQ)).from(AUDIT_LOG)
                .where(AUDIT_LOG.ID.gt(id).and(AUDIT_LOG.SEQ.isNotNull())).fetchOne(0, Long.class));
    }

    /** The stored hash of entry {@code seq}, if the chain has it. */
    public Optional<String> hashAt(long seq) {
        return ctx.select(AUDIT_LOG.HASH).from(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(seq)).fetchOptional(AUDIT_LOG.HASH);
    }

    /** How many rows have a place in the chain. */
    public long chainLength() {
        return ctx.fetchCount(AUDIT_LOG, AUDIT_LOG.SEQ.isNotNull());
    }

    /** The highest number in the chain (0 if it is empty). */
    public long lastSeq() {
        Long max = ctx.select(org.jooq.impl.DSL.max(AUDIT_LOG.SEQ)).from(AUDIT_LOG).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    /** Increments the head row (locking it until the transaction ends); answers the head before. */
    private AuditHead lockAndAdvance() {
        ctx.update(AUDIT_HEAD).set(AUDIT_HEAD.SEQ, AUDIT_HEAD.SEQ.plus(1)).where(AUDIT_HEAD.ID.eq(1)).execute();
        AuditHead h = head();
        return new AuditHead(h.seq() - 1, h.hash());
    }

    private void setHead(AuditHead head) {
        ctx.update(AUDIT_HEAD).set(AUDIT_HEAD.SEQ, head.seq()).set(AUDIT_HEAD.HASH, head.hash()).where(AUDIT_HEAD.ID.eq(1)).execute();
    }

    /** Gives every row without a number one, in row order, after {@code after}; answers the new end. The caller holds the lock. */
    private AuditHead sealUnchained(AuditHead after) {
        long seq = after.seq();
        String prev = after.hash();
        long lastId = Long.MIN_VALUE;
        while (true) {
            List<AuditLink> page = rowsAfter(lastId, PAGE);
            if (page.isEmpty()) {
                return new AuditHead(seq, prev);
            }
            lastId = page.get(page.size() - 1).id();
            List<AuditLink> rows = page.stream().filter(r -> r.seq() == null).toList();
            if (rows.isEmpty()) {
                continue;
            }
            BatchBindStep batch = ctx.batch(ctx.update(AUDIT_LOG).set(AUDIT_LOG.SEQ, (Long) null).set(AUDIT_LOG.PREV_HASH, (String) null)
                    .set(AUDIT_LOG.HASH, (String) null).where(AUDIT_LOG.ID.eq((Long) null)));
            List<Object[]> binds = new ArrayList<>(rows.size());
            for (AuditLink r : rows) {
                seq++;
                OffsetDateTime when = r.at() == null ? null : r.at().truncatedTo(ChronoUnit.MILLIS);
                String hash = canonical.hash(seq, r.caseRef(), r.action(), r.from(), r.to(), when, r.officer(), r.counter(), r.details(), prev);
                binds.add(new Object[] {seq, prev, hash, r.id()});
                prev = hash;
            }
            for (Object[] b : binds) {
                batch = batch.bind(b);
            }
            batch.execute();
        }
    }

    private boolean autoCommit() {
        return ctx.connectionResult(Connection::getAutoCommit);
    }

    private static AuditLink link(Record r) {
        return new AuditLink(r.get(AUDIT_LOG.ID), r.get(AUDIT_LOG.SEQ), r.get(AUDIT_LOG.CASE_REF), r.get(AUDIT_LOG.ACTION),
                r.get(AUDIT_LOG.FROM_STATUS), r.get(AUDIT_LOG.TO_STATUS), r.get(AUDIT_LOG.AT), r.get(AUDIT_LOG.OFFICER),
                r.get(AUDIT_LOG.COUNTER_NO), r.get(AUDIT_LOG.DETAILS), r.get(AUDIT_LOG.PREV_HASH), r.get(AUDIT_LOG.HASH));
    }
}
