package id.loket.display.repo;

import static id.loket.db.jooq.Tables.CASE_FILE;
import static id.loket.db.jooq.Tables.QUEUE_CALL;

import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.QueueNumber;
import id.loket.casefile.model.QueueSeries;
import id.loket.display.model.QueueCall;
import id.loket.display.model.Serving;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The calls of queue numbers to counters ({@code queue_call}), and the display's reads of the
 * day: new calls after an id (an index seek), the last calls, the number each counter serves
 * and the waiting count per series. Reads no name and no NIK.
 */
public final class QueueCallRepository {

    /** A case still in hand at its counter: its number stays on the display as "served now". */
    static final Set<CaseStatus> IN_HAND = EnumSet.of(CaseStatus.IN_VERIFICATION, CaseStatus.VERIFIED, CaseStatus.INTERVIEWED,
            CaseStatus.APPROVAL_PENDING, CaseStatus.APPROVED);

    private final DSLContext ctx;

    public QueueCallRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    /** Records a call (in the transaction of the CALL step, or of a recall). */
    public void add(String office, LocalDate date, QueueNumber number, String counter, OffsetDateTime at, boolean recalled, String caseRef) {
        id.loket.db.Database.caseWritten(ctx, caseRef);
        ctx.insertInto(QUEUE_CALL, QUEUE_CALL.OFFICE, QUEUE_CALL.CALL_DATE, QUEUE_CALL.QUEUE_SERIES, QUEUE_CALL.QUEUE_NUMBER,
                        QUEUE_CALL.COUNTER_NO, QUEUE_CALL.CALLED_AT, QUEUE_CALL.RECALLED, QUEUE_CALL.CASE_REF)
                .values(office, date, number.series().name(), number.number(), counter, at, recalled, caseRef)
                .execute();
    }

    /** The day's calls after call {@code afterId}, oldest first, at most {@code limit}. */
    public List<QueueCall> after(String office, LocalDate date, long afterId, int limit) {
        return ctx.select(QUEUE_CALL.ID, QUEUE_CALL.QUEUE_SERIES, QUEUE_CALL.QUEUE_NUMBER, QUEUE_CALL.COUNTER_NO, QUEUE_CALL.CALLED_AT,
                        QUEUE_CALL.RECALLED)
                .from(QUEUE_CALL)
                .where(QUEUE_CALL.OFFICE.eq(office).and(QUEUE_CALL.CALL_DATE.eq(date)).and(QUEUE_CALL.ID.gt(afterId)))
                .orderBy(QUEUE_CALL.ID.asc())
                .limit(limit)
                .fetch(QueueCallRepository::call);
    }

    /** The day's last {@code limit} calls, newest first. */
    public List<QueueCall> latest(String office, LocalDate date, int limit) {
        return ctx.select(QUEUE_CALL.ID, QUEUE_CALL.QUEUE_SERIES, QUEUE_CALL.QUEUE_NUMBER, QUEUE_CALL.COUNTER_NO, QUEUE_CALL.CALLED_AT,
                        QUEUE_CALL.RECALLED)
                .from(QUEUE_CALL)
                .where(QUEUE_CALL.OFFICE.eq(office).and(QUEUE_CALL.CALL_DATE.eq(date)))
                .orderBy(QUEUE_CALL.ID.desc())
                .limit(limit)
                .fetch(QueueCallRepository::call);
    }

    /**
     * Per counter, the number of its last call of the day while that case is still in hand
     * there (a counter whose case has moved on, been put on hold or finished shows nothing),
     * ordered by counter.
     */
    public List<Serving> serving(String office, LocalDate date) {
        var last = DSL.select(DSL.max(QUEUE_CALL.ID)).from(QUEUE_CALL)
                .where(QUEUE_CALL.OFFICE.eq(office).and(QUEUE_CALL.CALL_DATE.eq(date)))
                .groupBy(QUEUE_CALL.COUNTER_NO);
        return ctx.select(QUEUE_CALL.COUNTER_NO, QUEUE_CALL.QUEUE_SERIES, QUEUE_CALL.QUEUE_NUMBER)
                .from(QUEUE_CALL)
                .join(CASE_FILE).on(CASE_FILE.CASE_REF.eq(QUEUE_CALL.CASE_REF))
                .where(QUEUE_CALL.ID.in(last)
                        .and(CASE_FILE.STATUS.in(IN_HAND.stream().map(Enum::name).toList()))
                        .and(CASE_FILE.COUNTER_NO.eq(QUEUE_CALL.COUNTER_NO)))
                .fetch(r -> new Serving(r.get(QUEUE_CALL.COUNTER_NO),
                        new QueueNumber(QueueSeries.valueOf(r.get(QUEUE_CALL.QUEUE_SERIES)), r.get(QUEUE_CALL.QUEUE_NUMBER))))
                .stream()
                .sorted(java.util.Comparator.comparing(Serving::counter, QueueCallRepository::counterOrder))
                .toList();
    }

    /** How many of the day's cases wait to be called, per series (every series, 0 where none wait). */
    public Map<QueueSeries, Integer> waiting(String office, LocalDate date) {
        Map<QueueSeries, Integer> counts = new EnumMap<>(QueueSeries.class);
        for (QueueSeries s : QueueSeries.values()) {
            counts.put(s, 0);
        }
        ctx.select(CASE_FILE.QUEUE_SERIES, DSL.count())
                .from(CASE_FILE)
                .where(CASE_FILE.OFFICE.eq(office).and(CASE_FILE.CASE_DATE.eq(date)).and(CASE_FILE.STATUS.eq(CaseStatus.CHECKED_IN.name())))
                .groupBy(CASE_FILE.QUEUE_SERIES)
                .forEach(r -> counts.put(QueueSeries.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /** Counter "2" before "10": numbers by value, then anything else by its text. */
    static int counterOrder(String a, String b) {
        boolean an = a.matches("\\d{1,9}");
        boolean bn = b.matches("\\d{1,9}");
        if (an && bn) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return an ? -1 : bn ? 1 : a.compareTo(b);
    }

    private static QueueCall call(Record r) {
        return new QueueCall(r.get(QUEUE_CALL.ID), new QueueNumber(QueueSeries.valueOf(r.get(QUEUE_CALL.QUEUE_SERIES)),
                r.get(QUEUE_CALL.QUEUE_NUMBER)), r.get(QUEUE_CALL.COUNTER_NO), r.get(QUEUE_CALL.CALLED_AT), r.get(QUEUE_CALL.RECALLED));
    }
}
