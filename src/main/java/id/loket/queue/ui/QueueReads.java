package id.loket.queue.ui;

import id.loket.queue.model.QueueDay;
import id.loket.queue.service.QueueService;
import id.loket.staff.model.Session;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a queue reads next, and how it is shown: the whole day, or only the lines of the cases
 * the change feed named (a step at some counter). Asks from any thread are gathered until the
 * next read takes them (the screen's coalesced {@code Reload} runs it off the event-dispatch
 * thread); asking for the day wins over asking for cases. A read of cases that finds one gone,
 * or a line missing from the table, falls back to the day.
 */
public final class QueueReads {

    /** What one read brought: the day, or the lines of some cases ({@code partial}). */
    public record Read(QueueDay day, boolean partial) {
    }

    /** More cases than this named at once are read as the day: each case is a few small queries. */
    static final int MAX_CASES = 50;

    private final Set<String> cases = new HashSet<>();
    /** Guarded by {@link #cases}. */
    private boolean wholeDay = true;
    private final AtomicInteger dayReads = new AtomicInteger();
    private final AtomicInteger caseReads = new AtomicInteger();

    /** The next read takes the whole day. */
    public void day() {
        synchronized (cases) {
            wholeDay = true;
        }
    }

    /** The next read takes at least the lines of {@code caseRefs}. */
    public void cases(Set<String> caseRefs) {
        synchronized (cases) {
            cases.addAll(caseRefs);
        }
    }

    /**
     * Reads what was asked since the last read, as {@code here} (off the event-dispatch thread);
     * null when nothing was asked (a second coalesced read after the first took everything).
     */
    public Read read(QueueService queue, Session here, String office, LocalDate date) {
        boolean day;
        Set<String> refs;
        synchronized (cases) {
            day = wholeDay;
            refs = Set.copyOf(cases);
            wholeDay = false;
            cases.clear();
        }
        if (!day && refs.isEmpty()) {
            return null;
        }
        // many cases at once (a burst, a supervisor's batch): the day in one read is cheaper
        if (!day && refs.size() <= MAX_CASES) {
            caseReads.incrementAndGet();
            Optional<QueueDay> lines = queue.casesWithCounts(here, office, date, refs);
            if (lines.isPresent()) {
                return new Read(lines.get(), true);
            }
        }
        dayReads.incrementAndGet();
        return new Read(queue.dayWithCounts(here, office, date), false);
    }

    /**
     * Shows {@code read} in {@code panel} (event-dispatch thread). Answers false when a case's
     * line is not in the table (a new walk-in): the day is asked for then, and must be read.
     */
    public boolean show(QueuePanel panel, Read read) {
        if (!read.partial()) {
            panel.setEntries(read.day().entries(), read.day().counts());
            return true;
        }
        if (panel.patch(read.day().entries(), read.day().counts())) {
            return true;
        }
        day();
        return false;
    }

    /** How many times the whole day was read (tests and benchmarks count them). */
    public int dayReads() {
        return dayReads.get();
    }

    /** How many times only some cases' lines were read. */
    public int caseReads() {
        return caseReads.get();
    }
}
