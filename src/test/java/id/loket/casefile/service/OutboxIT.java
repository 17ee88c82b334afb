package id.loket.casefile.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEntry;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.model.OutboxState;
import id.loket.casefile.model.OutboxSummary;
import id.loket.casefile.repo.OutboxRepository;
import id.loket.db.Database;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox as sync sees it through {@link Outbox}, on a real H2 file: what may go, and what the backlog counts. */
class OutboxIT {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 27, 8, 0, 0, 0, ZoneOffset.ofHours(8));

    @TempDir
    Path dir;

    private Database db;
    private int seconds;

    @BeforeEach
    void open() {
        db = Database.openFolder(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Appends an event of the case one second after the last one; answers its eventId. */
    private String append(String caseRef, EventType type) {
        String eventId = UUID.randomUUID().toString();
        seconds++;
        new OutboxRepository(db.dsl()).append(eventId, caseRef, type, T0.plusSeconds(seconds), "{\"eventId\":\"" + eventId + "\"}");
        return eventId;
    }

    private Outbox outbox() {
        return new Outbox(db.dsl());
    }

    private List<String> sendableIds(OffsetDateTime now) {
        return outbox().sendable(100, now).stream().map(OutboxEvent::eventId).toList();
    }

    @Test
    void aCheckInHeldBackKeepsTheLaterEventsOfItsCaseBehindUntilItsTimeThenGoesFirst() {
        String checkIn = append("A-1", EventType.CHECKED_IN);
        String verified = append("A-1", EventType.DOCUMENTS_VERIFIED);
        String other = append("B-1", EventType.CHECKED_IN);
        OffsetDateTime until = T0.plusMinutes(2);
        db.inTransaction(tx -> new Cases(tx).holdBack("A-1", EventType.CHECKED_IN, until));

        assertThat(sendableIds(T0.plusMinutes(1))).containsExactly(other);
        assertThat(sendableIds(until)).containsExactly(checkIn, other);

        db.inTransactionRun(tx -> {
            Outbox o = new Outbox(tx);
            o.markSent(o.sendable(1, until).get(0), "APPLIED", null, until);
        });
        assertThat(sendableIds(until)).containsExactly(verified, other);
    }

    @Test
    void aWithdrawnCheckInIsNeverSentNeverCountedAndKeepsNothingBack() {
        String undone = append("A-1", EventType.CHECKED_IN);
        String other = append("B-1", EventType.CHECKED_IN);
        db.inTransaction(tx -> new Cases(tx).holdBack("A-1", EventType.CHECKED_IN, T0.plusMinutes(2)));
        OutboxSummary before = outbox().backlog();
        assertThat(before.waiting()).as("a check-in held back for its undo window still waits").isEqualTo(2);

        int withdrawn = db.inTransaction(tx -> new Cases(tx).withdrawHeldBack("A-1", EventType.CHECKED_IN, T0.plusMinutes(1)));
        assertThat(withdrawn).isEqualTo(1);
        String again = append("A-1", EventType.CHECKED_IN); // the right applicant checked in again on the same case ref

        OutboxSummary after = outbox().backlog();
        assertThat(after.waiting()).isEqualTo(2);
        assertThat(after.held() + after.failed()).isZero();
        assertThat(after.oldestWaiting()).contains(T0.plusSeconds(2));
        assertThat(outbox().unsent()).extracting(OutboxEntry::eventId).containsExactly(other, again);
        assertThat(outbox().countByState().get(OutboxState.WITHDRAWN)).isEqualTo(1);
        assertThat(outbox().entry(undone)).map(OutboxEntry::state).contains(OutboxState.WITHDRAWN);
        assertThat(sendableIds(T0.plusHours(1))).containsExactly(other, again).doesNotContain(undone);
    }

    @Test
    void aHandOverTakesOnlyWhatStillWaitsAndMarksItAsPossiblyAtCentral() {
        String undone = append("A-1", EventType.CHECKED_IN);
        String other = append("B-1", EventType.CHECKED_IN);
        OffsetDateTime later = T0.plusHours(1);
        List<Long> planned = outbox().sendable(10, later).stream().map(OutboxEvent::seq).toList();
        assertThat(planned).hasSize(2);
        // after the plan was made, A-1's check-in was undone: held back, then withdrawn
        db.inTransaction(tx -> new Cases(tx).holdBack("A-1", EventType.CHECKED_IN, later.plusMinutes(2)));
        int withdrawn = db.inTransaction(tx -> new Cases(tx).withdrawHeldBack("A-1", EventType.CHECKED_IN, later));
        assertThat(withdrawn).isEqualTo(1);

        List<OutboxEvent> handed = db.inTransaction(tx -> new Outbox(tx).handOver(planned, later));

        assertThat(handed).extracting(OutboxEvent::eventId).containsExactly(other);
        assertThat(outbox().entry(undone)).map(OutboxEntry::state).contains(OutboxState.WITHDRAWN);
        int heldBack = db.inTransaction(tx -> new Cases(tx).holdBack("B-1", EventType.CHECKED_IN, later.plusMinutes(2)));
        assertThat(heldBack).as("handed over, so possibly at central: no longer held back").isZero();
        List<OutboxEvent> none = db.inTransaction(tx -> new Outbox(tx).handOver(List.of(), later));
        assertThat(none).isEmpty();
    }

    @Test
    void aFailedAttemptCountsAndKeepsTheEventWaitingAnAnswerSendsIt() {
        String id = append("A-1", EventType.CHECKED_IN);
        OutboxEvent e = outbox().sendable(10, T0).get(0);
        db.inTransactionRun(tx -> new Outbox(tx).markFailedAttempt(List.of(e.seq()), "central unreachable", T0));

        OutboxEntry failedOnce = outbox().entry(id).orElseThrow();
        assertThat(failedOnce.state()).isEqualTo(OutboxState.PENDING);
        assertThat(failedOnce.attempts()).isEqualTo(1);
        assertThat(failedOnce.lastError()).isEqualTo("central unreachable");
        assertThat(sendableIds(T0)).containsExactly(id);

        db.inTransactionRun(tx -> new Outbox(tx).markSent(e, "DUPLICATE", null, T0.plusMinutes(1)));
        OutboxEntry sent = outbox().entry(id).orElseThrow();
        assertThat(sent.state()).isEqualTo(OutboxState.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastError()).isNull();
        assertThat(sent.result()).isEqualTo("DUPLICATE");
        assertThat(outbox().unsent()).isEmpty();
        assertThat(outbox().backlog().waiting()).isZero();
        assertThat(sendableIds(T0.plusHours(1))).isEmpty();
    }
}
