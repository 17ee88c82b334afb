package id.loket.sync.service;

import id.loket.appointment.service.Appointments;
import id.loket.staff.model.Guarded;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;
import id.loket.staff.model.Unguarded;
import id.loket.staff.service.Authorization;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.FailsafeException;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.model.WaitingEvent;
import id.loket.casefile.service.Outbox;
import id.loket.casefile.service.SendQueue;
import id.loket.central.CentralClient;
import id.loket.central.ContractJson;
import id.loket.central.CentralException;
import id.loket.common.i18n.Messages;
import id.loket.db.Database;
import id.loket.sync.model.Conflict;
import id.loket.sync.model.ConflictKind;
import id.loket.casefile.model.OutboxEntry;
import id.loket.casefile.model.OutboxState;
import id.loket.casefile.model.OutboxSummary;
import id.loket.sync.model.PushReport;
import id.loket.sync.repo.ConflictRepository;
import id.loket.sync.repo.PushRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to central, every event exactly once in effect (issue 5). Central applies an
 * eventId once and answers a repeat DUPLICATE, so an event is marked SENT only when an answer
 * for it is committed here: a lost answer, a killed desk or a failed commit leaves it PENDING
 * and it is sent again, which is harmless. The answers of one batch commit in one transaction.
 *
 * <p>Order: events of one case go in the order they happened, at most one per case per batch
 * (so a refused event can never let a later one of its case through in the same request), and
 * never while an earlier event of the case is waiting, held, or failed.
 *
 * <p>Answers: APPLIED and DUPLICATE → SENT (a walk-in's central appointment id is kept on the
 * case). CONFLICT → the event HELD, an EVENT_REFUSED conflict with both sides for a
 * supervisor, and every later event of the case HELD by it. INVALID → the event FAILED with
 * central's reason and kept; <em>we chose</em> to hold the later events of the case as well,
 * since they build on the refused one (a CHECKED_IN after an invalid WALK_IN_REGISTERED means
 * nothing to central), and to raise an EVENT_INVALID conflict so a supervisor sees it and can
 * let the case go on (KEEP_OFFICE) or drop the rest (ACCEPT_CENTRAL).
 *
 * <p>Transient faults mark nothing but attempts and the last error; they are retried (Failsafe,
 * exponential backoff with jitter, Retry-After honoured) behind a circuit breaker, so while
 * central is absent a push returns at once. An answer that does not match the request (wrong
 * count, an eventId not asked, a status not in the contract) is such a fault.
 */
public final class PushService {

    private static final Logger LOG = LoggerFactory.getLogger(PushService.class);
    private static final Set<String> STATUSES = Set.of("APPLIED", "DUPLICATE", "CONFLICT", "INVALID");

    private final Database db;
    private final CentralClient client;
    private final PushCalls calls;
    private final Clock clock;
    private final String office;
    private final Messages messages;
    private final PushSettings settings;
    private final ObjectMapper json = ContractJson.mapper();
    private final Session system;
    private final Authorization authorization;

    /** The outbox's backlog at {@code office}, for the supervisor's dashboard: inside the caller's transaction. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public static OutboxSummary backlog(DSLContext tx, String office) {
        return new PushRepository(tx).summary(new Outbox(tx).backlog(), office);
    }

    /** {@code system} is the system principal's session: pushing is all it may do. */
    public PushService(Database db, CentralClient client, RetrySettings retry, Clock clock, String office, Messages messages,
            PushSettings settings, Session system) {
        this.db = db;
        this.system = system;
        this.authorization = new Authorization(db);
        this.client = client;
        this.calls = new PushCalls(retry, settings);
        this.clock = clock;
        this.office = office;
        this.messages = messages;
        this.settings = settings;
    }

    /** One answer of central, checked against the request. */
    private record Answer(String status, String reason, String appointmentId) {
    }

    /**
     * Sends everything that can be sent now and returns when central has answered it all, or
     * when a fault stops the push (then reported, never thrown). Blocking: call it off the EDT.
     *
     * <p>The batches are planned from the backlog read once ({@link SendQueue}, the rules of
     * {@link Outbox#sendable}) and go one request at a time. While central answers one batch, the
     * answers of the batch before it are committed together with the hand-over of the batch after
     * it: one commit per batch, overlapping the request. A case's next event is planned only once
     * the answer on its last one is known, and is handed over in the same commit as that answer,
     * so it never reaches central before the answer is kept here. A batch handed over but not yet
     * requested when a fault stops the push is taken back (no longer possibly at central) and goes
     * with the next push.
     */
    @Guarded(Permission.PUSH)
    public synchronized PushReport pushOnce() {
        authorization.require(system, Permission.PUSH);
        Tally t = new Tally();
        Optional<String> problem = Optional.empty();
        boolean skipped = false;
        boolean interrupted = false;
        SendQueue queue = db.inTransaction(tx -> new Outbox(tx).holdStragglersAndPlan(now()));
        // one time for every hand-over of this push: what it handed over and never asked for is known by it
        OffsetDateTime handedAt = now();
        ExecutorService requests = RequestThread.open("loket-push-request");
        // handed over, not yet asked for: what a push stopped by a fault takes back (empty once it ends well)
        List<OutboxEvent> following = List.of();
        try {
            List<OutboxEvent> inFlight = handOverNext(queue, List.of(), Map.of(), t, handedAt);
            Future<Map<String, Answer>> answer = ask(requests, inFlight);
            following = handOverNext(queue, List.of(), Map.of(), t, handedAt);
            while (!inFlight.isEmpty() || !following.isEmpty()) {
                Map<String, Answer> answers = answer.get();
                List<OutboxEvent> answered = inFlight;
                inFlight = following;
                following = List.of();
                answer = ask(requests, inFlight);
                following = handOverNext(queue, answered, answers, t, handedAt);
            }
            if (Thread.interrupted()) {
                // interrupted while answers were being kept: the plan stopped there, the rest waits
                interrupted = true;
                problem = Optional.of(messages.get("push.interrupted"));
            }
        } catch (InterruptedException e) {
            // the flag is set again once the push is recorded: the database is not written with it set
            interrupted = true;
            problem = Optional.of(messages.get("push.interrupted"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CircuitBreakerOpenException) {
                problem = Optional.of(messages.get("push.circuitOpen"));
                skipped = true;
                LOG.info("Push skipped: central deemed unreachable");
            } else if (cause instanceof CentralException c) {
                problem = Optional.of(messages.of(c));
                LOG.warn("Push stopped: {} ({})", c.kind(), c.getMessage());
            } else if (cause instanceof FailsafeException) {
                problem = Optional.of(messages.get("push.interrupted"));
            } else if (cause instanceof RuntimeException r) {
                throw r;
            } else if (cause instanceof Error err) {
                throw err;
            } else {
                throw new IllegalStateException(cause);
            }
        } finally {
            requests.shutdownNow();
            takeBack(following, handedAt);
        }
        OffsetDateTime now = now();
        String p = problem.orElse(null);
        db.inTransactionRun(tx -> new PushRepository(tx).recordPush(office, now, t.sent + t.duplicates, p));
        var counts = new Outbox(db.dsl()).waitingCounts();
        PushReport report = new PushReport(t.sent, t.duplicates, t.conflicts, t.invalid, counts.get(OutboxState.PENDING),
                counts.get(OutboxState.HELD), counts.get(OutboxState.FAILED), problem, skipped);
        if (t.sent + t.duplicates + t.conflicts + t.invalid > 0 || problem.isPresent()) {
            LOG.info("Push {}: {} applied, {} duplicate, {} conflict, {} invalid; {} waiting, {} held, {} failed{}", office,
                    report.sent(), report.duplicates(), report.conflicts(), report.invalid(), report.waiting(), report.held(),
                    report.failed(), problem.isPresent() ? ", stopped" : "");
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return report;
    }

    /** The batch handed over but never asked for (the push stopped first) is not possibly at central after all. */
    private void takeBack(List<OutboxEvent> batch, OffsetDateTime handedAt) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<Long> seqs = batch.stream().map(OutboxEvent::seq).toList();
            db.inTransactionRun(tx -> new Outbox(tx).takeBack(seqs, handedAt));
        } catch (RuntimeException e) {
            LOG.warn("Could not take back {} events handed over but not sent: {}", batch.size(), e.getMessage());
        }
    }

    /** The request of a batch, on the request thread; nothing to ask for an empty one. */
    private Future<Map<String, Answer>> ask(ExecutorService requests, List<OutboxEvent> batch) {
        return batch.isEmpty() ? CompletableFuture.completedFuture(Map.of()) : requests.submit(() -> calls.call(() -> post(batch)));
    }

    /**
     * One commit: the answers on {@code answered} kept, and the next batch planned from what they
     * let go and handed over. Answers the events handed over (none once the thread is interrupted);
     * a planned event no longer waiting keeps its case back until the next push.
     */
    private List<OutboxEvent> handOverNext(SendQueue queue, List<OutboxEvent> answered, Map<String, Answer> answers, Tally t,
            OffsetDateTime handedAt) {
        for (OutboxEvent e : answered) {
            String status = answers.get(e.eventId()).status();
            if (status.equals("APPLIED") || status.equals("DUPLICATE")) {
                queue.taken(e.seq(), e.caseRef());
            } else {
                queue.stopped(e.caseRef());
            }
        }
        List<WaitingEvent> planned = plan(queue);
        if (answered.isEmpty() && planned.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = now();
        List<Long> seqs = seqs(planned);
        record Step(Tally tally, List<OutboxEvent> handed) {
        }
        Step step = db.inTransaction(tx -> new Step(apply(tx, answered, answers, now), new Outbox(tx).handOver(seqs, handedAt)));
        t.add(step.tally());
        List<OutboxEvent> handed = step.handed();
        while (handed.size() < planned.size()) {
            // withdrawn, held or answered since the plan was made: its case waits for the next push
            Set<Long> there = handed.stream().map(OutboxEvent::seq).collect(Collectors.toSet());
            planned.stream().filter(e -> !there.contains(e.seq())).forEach(e -> queue.stopped(e.caseRef()));
            if (!handed.isEmpty()) {
                break;
            }
            planned = plan(queue);
            List<Long> again = seqs(planned);
            handed = again.isEmpty() ? List.of() : db.inTransaction(tx -> new Outbox(tx).handOver(again, handedAt));
        }
        return handed;
    }

    private List<WaitingEvent> plan(SendQueue queue) {
        return Thread.currentThread().isInterrupted() ? List.of() : queue.next(settings.batchSize());
    }

    private static List<Long> seqs(List<WaitingEvent> events) {
        return events.stream().map(WaitingEvent::seq).toList();
    }

    /** The backlog, for the status bar. */
    @Unguarded("counts of waiting events, no personal data")
    public OutboxSummary summary() {
        return backlog(db.dsl(), office);
    }

    /** Waiting, held and failed events in occurrence order, for the support command {@code loket outbox}. */
    @Guarded(Permission.PUSH)
    public List<OutboxEntry> unsent() {
        authorization.require(system, Permission.PUSH);
        return new Outbox(db.dsl()).unsent();
    }

    /** One attempt: posts the batch (handed over before), checks the answer fits it; a failure is written on the batch's events. */
    private Map<String, Answer> post(List<OutboxEvent> batch) {
        try {
            ObjectNode body = json.createObjectNode();
            ArrayNode events = body.putArray("events");
            for (OutboxEvent e : batch) {
                events.add(readPayload(e));
            }
            return read(batch, client.postEvents(office, body));
        } catch (CentralException e) {
            String error = oneLine(messages.of(e));
            List<Long> seqs = batch.stream().map(OutboxEvent::seq).toList();
            OffsetDateTime now = now();
            db.inTransactionRun(tx -> new Outbox(tx).markFailedAttempt(seqs, error, now));
            throw e;
        }
    }

    private JsonNode readPayload(OutboxEvent e) {
        try {
            return json.readTree(e.payload());
        } catch (JsonProcessingException x) {
            // Written by CaseWork from a JSON tree: a payload that does not parse is a bug, not an outage.
            throw new IllegalStateException("outbox event " + e.seq() + " has a payload that is not JSON", x);
        }
    }

    private Map<String, Answer> read(List<OutboxEvent> batch, JsonNode body) {
        String where = "/offices/" + office + "/events";
        JsonNode results = body.path("results");
        if (results.size() != batch.size()) {
            throw new CentralException(CentralException.Kind.MALFORMED, where);
        }
        Map<String, Answer> answers = new HashMap<>();
        for (JsonNode r : results) {
            String eventId = r.path("eventId").asText("");
            String status = r.path("status").asText("");
            if (!STATUSES.contains(status) || answers.containsKey(eventId)) {
                throw new CentralException(CentralException.Kind.MALFORMED, where);
            }
            answers.put(eventId, new Answer(status, text(r.path("reason")), text(r.path("appointmentId"))));
        }
        for (OutboxEvent e : batch) {
            if (!answers.containsKey(e.eventId())) {
                throw new CentralException(CentralException.Kind.MALFORMED, where);
            }
        }
        return answers;
    }

    private static String text(JsonNode n) {
        return n.isTextual() && !n.textValue().isBlank() ? n.textValue() : null;
    }

    /** The answers of one batch, inside the caller's transaction. */
    private Tally apply(DSLContext tx, List<OutboxEvent> batch, Map<String, Answer> answers, OffsetDateTime now) {
        Tally bt = new Tally();
        Outbox outbox = new Outbox(tx);
        // taken events without an appointment id to keep (nearly all) are marked in one statement per answer
        Map<String, List<OutboxEvent>> plainlyTaken = new HashMap<>();
        for (OutboxEvent e : batch) {
            Answer a = answers.get(e.eventId());
            switch (a.status()) {
                case "APPLIED", "DUPLICATE" -> {
                    if (a.appointmentId() == null) {
                        plainlyTaken.computeIfAbsent(a.status(), k -> new ArrayList<>()).add(e);
                    } else {
                        outbox.markSent(e, a.status(), a.appointmentId(), now);
                    }
                    if (a.status().equals("APPLIED")) {
                        bt.sent++;
                    } else {
                        bt.duplicates++;
                    }
                }
                case "CONFLICT" -> {
                    refuse(tx, e, a, ConflictKind.EVENT_REFUSED, OutboxState.HELD, now);
                    bt.conflicts++;
                }
                default -> {
                    refuse(tx, e, a, ConflictKind.EVENT_INVALID, OutboxState.FAILED, now);
                    bt.invalid++;
                }
            }
        }
        plainlyTaken.forEach((status, events) -> outbox.markSent(events, status, now));
        return bt;
    }

    private void refuse(DSLContext tx, OutboxEvent e, Answer a, ConflictKind kind, OutboxState state, OffsetDateTime now) {
        String reason = a.reason() == null ? a.status() : a.reason();
        Optional<String> appointmentId = e.caseRef().startsWith("W-")
                ? new Outbox(tx).centralAppointmentId(e.caseRef())
                : Optional.of(e.caseRef());
        ObjectNode central = json.createObjectNode();
        ObjectNode result = central.putObject("result");
        result.put("eventId", e.eventId()).put("status", a.status()).put("reason", a.reason()).put("appointmentId", a.appointmentId());
        appointmentId.flatMap(id -> new Appointments(tx).findById(id))
                .ifPresent(appt -> central.set("appointment", ContractJson.write(appt)));
        Conflict c = new ConflictRepository(tx).insert(kind, e.caseRef(), appointmentId.orElse(null), e.eventId(), e.payload(),
                central.toString(), reason, now);
        new ConflictRepository(tx).audit(new ConflictRepository.AuditLine(c.id(), e.caseRef(), "RECORDED", now,
                ConflictService.SYSTEM, null, kind + " " + e.type() + ": " + reason));
        int held = new Outbox(tx).markRefused(e, state, a.status(), reason, c.id(), now);
        LOG.warn("Central answered {} ({}) to {} of case {}: conflict {}, {} later events held", a.status(), reason, e.type(),
                e.caseRef(), c.id(), held);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    /** One line, never more than the column holds. */
    private static String oneLine(String s) {
        String line = s.replaceAll("[\\r\\n]+", " ").strip();
        return line.length() <= 1000 ? line : line.substring(0, 1000);
    }

    private static final class Tally {
        int sent;
        int duplicates;
        int conflicts;
        int invalid;

        void add(Tally o) {
            sent += o.sent;
            duplicates += o.duplicates;
            conflicts += o.conflicts;
            invalid += o.invalid;
        }
    }
}
