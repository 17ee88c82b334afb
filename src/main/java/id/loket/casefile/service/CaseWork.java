package id.loket.casefile.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.Lifecycle;
import id.loket.casefile.repo.AuditRepository;
import id.loket.casefile.repo.CaseRepository;
import id.loket.casefile.repo.OutboxRepository;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;
import id.loket.staff.model.Unguarded;
import id.loket.staff.service.Authorization;
import id.loket.staff.service.Officer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every step on a case is taken: in one transaction, the rule is checked against the
 * state just read, the case is written (only if nobody changed it meanwhile), an audit row is
 * appended and the step's events go to the outbox in the order they happened. All of it
 * commits, or none of it.
 */
public final class CaseWork {

    /** An event for central: its type and its type-specific data. */
    public record Event(EventType type, ObjectNode data) {
    }

    /** One audited step inside a use case: which action, where it led, and what to remember. */
    public record Step(CaseAction action, CaseStatus from, CaseStatus to, String details, List<Event> events) {
    }

    /** What a change produces: the case's new state and the steps that led there. */
    public record Outcome(CaseFile next, List<Step> steps) {
    }

    /** The change itself, given the case as it is now, where the rule leads, and the time. */
    @FunctionalInterface
    public interface Change {
        Outcome apply(CaseFile current, Optional<CaseStatus> to, OffsetDateTime now);
    }

    /** A change that also writes beside the case, in the same transaction ({@code tx}). */
    @FunctionalInterface
    public interface TxChange {
        Outcome apply(DSLContext tx, CaseFile current, Optional<CaseStatus> to, OffsetDateTime now);
    }

    private static final Logger LOG = LoggerFactory.getLogger(CaseWork.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Clock clock;
    private final Authorization authorization;

    public CaseWork(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.authorization = new Authorization(db);
    }

    /**
     * Who {@code session} is, if they may do {@code permission} now (the account re-read from
     * the database); a refusal in words otherwise. Every service asks this first.
     */
    @Unguarded("it is the check itself")
    public Officer require(Session session, Permission permission) {
        return authorization.require(session, permission);
    }

    @Unguarded("configuration, no data")
    public Clock clock() {
        return clock;
    }

    @Unguarded("plumbing for the services, which check the session first")
    public Database db() {
        return db;
    }

    /** Now, to the millisecond, in the clock's zone: what audit rows and events carry. */
    @Unguarded("the clock")
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    @Unguarded("plumbing for the services, which check the session first")
    public CaseFile load(String caseRef) {
        return new CaseRepository(db.dsl()).find(caseRef).orElseThrow(() -> new UserFacingException("case.unknown", caseRef));
    }

    /** Takes {@code action} on the case as {@code actor}, if the lifecycle allows it now. */
    @Unguarded("takes an Officer, which only Authorization makes")
    public CaseFile act(String caseRef, Officer actor, CaseAction action, Change change) {
        return actWith(caseRef, actor, action, (tx, c, to, now) -> change.apply(c, to, now));
    }

    /**
     * As {@link #act}, for a step that also writes its own rows (a receipt, a handover): the
     * change is given the transaction, so those rows commit with the case or not at all.
     */
    @Unguarded("takes an Officer, which only Authorization makes")
    public CaseFile actWith(String caseRef, Officer actor, CaseAction action, TxChange change) {
        return db.inTransaction(tx -> {
            CaseRepository cases = new CaseRepository(tx);
            // The case's row is locked first: two steps on one case at once (two groups of counters, a double
            // press) run one after the other, and the second sees the first's outcome and is refused in words
            // instead of colliding on the rows the first wrote (a receipt, a handover).
            CaseFile current = cases.findLocked(caseRef).orElseThrow(() -> new UserFacingException("case.unknown", caseRef));
            requireHeldHere(current, actor);
            Optional<CaseStatus> to = Lifecycle.check(current.status(), action, actor.role());
            OffsetDateTime now = now();
            Outcome outcome = change.apply(tx, current, to, now);
            CaseFile next = outcome.next();
            if (Lifecycle.heldAtCounter(next.status()) && next.counter() == null) {
                // a case a supervisor released: the counter that takes its next step holds it from now on
                next = next.toBuilder().counter(actor.counter()).officer(actor.username()).build();
                outcome = new Outcome(next, outcome.steps());
            }
            if (!cases.update(outcome.next(), now)) {
                throw new UserFacingException("case.changedMeanwhile", current.queueNumber());
            }
            if (!outcome.next().documents().equals(current.documents())) {
                cases.replaceDocuments(caseRef, outcome.next().documents(), actor.username(), now);
            }
            record(tx, caseRef, actor, now, outcome.steps());
            return cases.find(caseRef).orElseThrow();
        });
    }

    /**
     * Refuses, in words, a step on a case that another counter holds (from the call to the
     * interview a case is worked at the counter that called it: "sedang dilayani di loket N oleh
     * X"). A case nobody holds (waiting, released, on hold, with the supervisor, at the receipt
     * desk) may be stepped by anyone the lifecycle allows.
     */
    @Unguarded("a rule over a case the caller already read with its session checked")
    public static void requireHeldHere(CaseFile c, Officer actor) {
        if (Lifecycle.heldAtCounter(c.status()) && c.counter() != null && !c.counter().equals(actor.counter())) {
            throw new UserFacingException("case.heldElsewhere", c.queueNumber().toString(), c.counter(),
                    c.officer() == null ? "-" : c.officer());
        }
    }

    /** Stores a new case with the steps that created it (check-in, walk-in registration). */
    @Unguarded("takes an Officer, which only Authorization makes")
    public CaseFile create(CaseFile c, Officer actor, List<Step> steps, DSLContext tx) {
        OffsetDateTime now = c.checkedInAt();
        new CaseRepository(tx).insert(c, now);
        record(tx, c.caseRef(), actor, now, steps);
        return new CaseRepository(tx).find(c.caseRef()).orElseThrow();
    }

    /** Appends the steps' audit rows and events, in order. */
    @Unguarded("takes an Officer, which only Authorization makes")
    public void record(DSLContext tx, String caseRef, Officer actor, OffsetDateTime now, List<Step> steps) {
        AuditRepository audit = new AuditRepository(tx);
        OutboxRepository outbox = new OutboxRepository(tx);
        for (Step s : steps) {
            audit.append(new AuditEntry(caseRef, s.action(), s.from(), s.to(), now, actor.username(), actor.counter(), s.details()));
            for (Event e : s.events()) {
                String eventId = UUID.randomUUID().toString();
                outbox.append(eventId, caseRef, e.type(), now, payload(eventId, e, caseRef, now, actor));
            }
            LOG.info("Case {} {}: {} -> {} by {} at counter {}", caseRef, s.action(), s.from(), s.to(), actor.username(), actor.counter());
        }
    }

    /** The contract's Event, exactly as it will be sent to central. */
    static String payload(String eventId, Event e, String caseRef, OffsetDateTime at, Officer actor) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("eventId", eventId);
        n.put("type", e.type().name());
        n.put("caseRef", caseRef);
        n.put("occurredAt", at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        n.put("officer", actor.username());
        n.put("counter", actor.counter());
        n.set("data", e.data() == null ? JsonNodeFactory.instance.objectNode() : e.data());
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Unguarded("an empty JSON object")
    public static ObjectNode data() {
        return JsonNodeFactory.instance.objectNode();
    }
}
