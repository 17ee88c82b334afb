package id.loket.queue.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentRules;
import id.loket.casefile.model.Person;
import id.loket.casefile.model.QueueNumber;
import id.loket.casefile.model.QueueSeries;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A walk-in's line of the queue, its waiting time, and the queue's views. */
class QueueEntryTest {

    private static final OffsetDateTime ARRIVED = LocalDate.of(2026, 11, 27).atTime(9, 0).atOffset(ZoneOffset.ofHours(8));

    private static CaseFile walkIn(CaseStatus status, OffsetDateTime calledAt) {
        Person p = new Person("5171011708900001", "Sukarno", LocalDate.of(1990, 8, 17), "Denpasar", Sex.M, true);
        return new CaseFile("W-DPS-20261127-0001", "DPS", ARRIVED.toLocalDate(), null, true, new QueueNumber(QueueSeries.W, 3), status,
                ServiceType.REPLACEMENT_LOST, PassportType.ELECTRONIC, 10, null, null, p, calledAt == null ? null : "2", null, ARRIVED,
                calledAt, false, null, null, null, null, null, null, null, null, null, null, null, false,
                DocumentRules.checklist(ServiceType.REPLACEMENT_LOST, false), 1);
    }

    @Test
    void aWalkInIsALineOfItsOwnKnownByItsReference() {
        QueueEntry e = QueueEntry.caseOnly(walkIn(CaseStatus.CHECKED_IN, null));
        assertThat(e.key()).isEqualTo("W-DPS-20261127-0001");
        assertThat(e.code()).isEqualTo("W-DPS-20261127-0001");
        assertThat(e.slot()).isNull();
        assertThat(e.fullName()).isEqualTo("Sukarno");
        assertThat(e.queueNumber()).hasToString("W-003");
        assertThat(e.isWaiting()).isTrue();
    }

    @Test
    void aLineNeedsABookingOrACase() {
        assertThatThrownBy(() -> new QueueEntry(null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWaitingApplicantsTimeRunsOnAndACalledOnesStops() {
        QueueEntry waiting = QueueEntry.caseOnly(walkIn(CaseStatus.CHECKED_IN, null));
        QueueEntry called = QueueEntry.caseOnly(walkIn(CaseStatus.IN_VERIFICATION, ARRIVED.plusMinutes(12)));
        assertThat(waiting.waiting(ARRIVED.plusMinutes(25))).isEqualTo(Duration.ofMinutes(25));
        assertThat(waiting.waiting(ARRIVED.plusMinutes(40))).isEqualTo(Duration.ofMinutes(40));
        assertThat(called.waiting(ARRIVED.plusMinutes(40))).isEqualTo(Duration.ofMinutes(12));
        assertThat(waiting.waiting(ARRIVED.minusMinutes(1))).isEqualTo(Duration.ZERO);
    }

    @Test
    void theQueueFindsALineByItsQueueNumberWrittenAnyWay() {
        QueueEntry e = QueueEntry.caseOnly(walkIn(CaseStatus.CHECKED_IN, null));
        assertThat(new QueueFilter("W-003").matches(e)).isTrue();
        assertThat(new QueueFilter("w003").matches(e)).isTrue();
        assertThat(new QueueFilter("W-004").matches(e)).isFalse();
        assertThat(new QueueFilter("w-dps-20261127").matches(e)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "CHECKED_IN, ALL, true", "CHECKED_IN, CHECKED_IN, true", "CHECKED_IN, WAITING, true", "CHECKED_IN, IN_PROGRESS, false",
            "VERIFIED, IN_PROGRESS, true", "VERIFIED, WAITING, false", "APPROVAL_PENDING, APPROVAL_PENDING, true",
            "ON_HOLD, ON_HOLD, true", "APPROVED, IN_PROGRESS, false", "APPROVED, CHECKED_IN, true"})
    void eachViewShowsItsPhase(CaseStatus status, QueueView view, boolean shown) {
        assertThat(view.includes(QueueEntry.caseOnly(walkIn(status, null)))).isEqualTo(shown);
    }
}
