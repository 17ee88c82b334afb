package id.loket.supervisor;

import static id.loket.testing.OfficeFixture.ADMIN;
import static id.loket.testing.OfficeFixture.OFFICER;
import static id.loket.testing.OfficeFixture.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.appointment.model.Appointment;
import id.loket.staff.model.Session;
import id.loket.testing.TestSessions;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEvent;
import id.loket.common.model.UserFacingException;
import id.loket.supervisor.model.DayClosing;
import id.loket.supervisor.model.OpenCase;
import id.loket.supervisor.service.CloseDayService;
import id.loket.testing.OfficeFixture;
import id.loket.testing.SimulatedCentral;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the day on a real H2 file with the day of 250 bookings pulled from the simulator of central. */
class CloseDayServiceIT {

    @TempDir
    Path dir;

    private static final java.time.Clock AFTER_LAST_SLOT = java.time.Clock.fixed(
            SimulatedCentral.DAY.atTime(17, 0).atZone(SimulatedCentral.ZONE).toInstant(), SimulatedCentral.ZONE);
    private static final java.time.Clock BEFORE_FIRST_SLOT = java.time.Clock.fixed(
            SimulatedCentral.DAY.atTime(7, 44).atZone(SimulatedCentral.ZONE).toInstant(), SimulatedCentral.ZONE);

    private OfficeFixture office;
    private CloseDayService closing;
    private Appointment waiting;
    private Appointment atCounter;

    @BeforeEach
    void open() {
        office = new OfficeFixture(dir);
        // the desk's clock at 17:00, after the day's last slot: closing needs no reason (see the early-closing tests)
        closing = new CloseDayService(office.app().caseWork(AFTER_LAST_SLOT), SimulatedCentral.OFFICE);
        List<Appointment> booked = office.booked(a -> true);
        waiting = booked.get(0);
        atCounter = booked.get(1);
        office.checkIn().checkIn(waiting.id(), OFFICER);
        office.checkIn().checkIn(atCounter.id(), OFFICER);
        office.checkIn().call(office.app().cases().findByAppointment(OFFICER, atCounter.id()).orElseThrow().caseRef(), OFFICER);
    }

    @AfterEach
    void close() {
        office.close();
    }

    /** Bookings of the day still BOOKED at central's latest version and never checked in. */
    private Set<String> neverCheckedIn() {
        return office.booked(a -> true).stream().map(Appointment::id)
                .filter(id -> !id.equals(waiting.id()) && !id.equals(atCounter.id())).collect(Collectors.toSet());
    }

    private List<OutboxEvent> noShowEvents() {
        return office.app().cases().allEvents(SUPERVISOR).stream().filter(e -> e.type() == EventType.NO_SHOW).toList();
    }

    @Test
    void closingRecordsEveryNeverCheckedInBookingAsANoShowWithOneEventEach() {
        Set<String> expected = neverCheckedIn();
        Map<String, String> codes = office.booked(a -> true).stream().collect(Collectors.toMap(Appointment::id, Appointment::bookingCode));

        DayClosing day = closing.close(office.day(), SUPERVISOR);

        assertThat(expected).hasSizeGreaterThan(200);
        assertThat(day.noShows()).isEqualTo(expected.size());
        assertThat(day.noShowBookingCodes()).containsExactlyInAnyOrderElementsOf(expected.stream().map(codes::get).toList());
        assertThat(day.alreadyClosed()).isFalse();
        List<OutboxEvent> events = noShowEvents();
        assertThat(events).extracting(OutboxEvent::caseRef).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(events).extracting(OutboxEvent::caseRef).doesNotContain(waiting.id(), atCounter.id());
        OutboxEvent one = events.get(0);
        assertThat(one.payload()).contains("\"type\":\"NO_SHOW\"", "\"caseRef\":\"" + one.caseRef() + "\"", "\"officer\":\"supervisor\"");
        List<AuditEntry> history = office.app().cases().history(OFFICER, one.caseRef());
        assertThat(history).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo(CaseAction.NO_SHOW);
            assertThat(a.to()).isEqualTo(CaseStatus.NO_SHOW);
            assertThat(a.officer()).isEqualTo("supervisor");
        });
    }

    @Test
    void aCheckedInCaseIsNeverANoShowAndKeepsItsStatus() {
        closing.close(office.day(), SUPERVISOR);

        assertThat(office.app().cases().findByAppointment(OFFICER, waiting.id()).orElseThrow().status()).isEqualTo(CaseStatus.CHECKED_IN);
        assertThat(office.app().cases().findByAppointment(OFFICER, atCounter.id()).orElseThrow().status()).isEqualTo(CaseStatus.IN_VERIFICATION);
        assertThat(office.app().cases().history(OFFICER, waiting.id())).extracting(AuditEntry::action).doesNotContain(CaseAction.NO_SHOW);
    }

    @Test
    void closingTwiceRecordsNothingNew() {
        DayClosing first = closing.close(office.day(), SUPERVISOR);
        int events = office.app().cases().allEvents(SUPERVISOR).size();

        DayClosing second = closing.close(office.day(), SUPERVISOR);

        assertThat(second.alreadyClosed()).isTrue();
        assertThat(second.noShows()).isEqualTo(first.noShows());
        assertThat(second.noShowBookingCodes()).isEqualTo(first.noShowBookingCodes());
        assertThat(office.app().cases().allEvents(SUPERVISOR)).hasSize(events);
        assertThat(noShowEvents()).hasSize(first.noShows());
        assertThat(closing.preview(office.day(), SUPERVISOR).alreadyClosed()).isTrue();
    }

    @Test
    void aBookingRecordedAsANoShowCannotBeCheckedInAfterwards() {
        DayClosing closed = closing.close(office.day(), SUPERVISOR);
        String code = closed.noShowBookingCodes().get(0);

        assertThatThrownBy(() -> office.checkIn().scan(OFFICER, code))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("checkin.noShow"));
        String id = office.booked(a -> a.bookingCode().equals(code)).get(0).id();
        assertThatThrownBy(() -> office.checkIn().checkIn(id, OFFICER))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("checkin.noShow"));
        assertThat(office.app().cases().findByAppointment(OFFICER, id)).isEmpty();
    }

    @Test
    void aCounterOfficerAndAnAdminAreRefusedAndNothingIsWritten() {
        for (Session who : List.of(OFFICER, ADMIN)) {
            assertThatThrownBy(() -> closing.close(office.day(), who)).as(who.username())
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("auth.forbidden"));
            assertThatThrownBy(() -> closing.preview(office.day(), who)).as(who.username())
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("auth.forbidden"));
        }
        assertThat(noShowEvents()).isEmpty();
        assertThat(closing.preview(office.day(), SUPERVISOR).alreadyClosed()).isFalse();
    }

    @Test
    void previewListsTheStillOpenCasesAndChangesNothing() {
        DayClosing preview = closing.preview(office.day(), SUPERVISOR);

        assertThat(preview.alreadyClosed()).isFalse();
        assertThat(preview.noShows()).isEqualTo(neverCheckedIn().size());
        assertThat(preview.stillOpen()).containsExactly(Map.entry(CaseStatus.CHECKED_IN, 1), Map.entry(CaseStatus.IN_VERIFICATION, 1));
        assertThat(preview.open()).containsExactly(
                new OpenCase(waiting.id(), "A-001", waiting.applicant().fullName(), CaseStatus.CHECKED_IN, null),
                new OpenCase(atCounter.id(), "A-002", atCounter.applicant().fullName(), CaseStatus.IN_VERIFICATION, OFFICER.counter()));
        assertThat(noShowEvents()).isEmpty();
        DayClosing closed = closing.close(office.day(), SUPERVISOR);
        assertThat(closed.open()).isEqualTo(preview.open());
        assertThat(closed.noShowBookingCodes()).isEqualTo(preview.noShowBookingCodes());
    }

    @Test
    void aDayNotYetComeCannotBeClosed() {
        assertThatThrownBy(() -> closing.close(office.day().plusDays(1), SUPERVISOR))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("supervisor.close.futureDay"));
    }

    @Test
    void closingBeforeTheLastSlotEndsIsRefusedWithoutAReasonAndRecordsNothing() {
        CloseDayService early = new CloseDayService(office.app().caseWork(BEFORE_FIRST_SLOT), SimulatedCentral.OFFICE);

        DayClosing preview = early.preview(office.day(), SUPERVISOR);
        assertThat(preview.early()).as("07:44 is before the last slot's end").isTrue();
        assertThat(preview.lastSlotEnd()).isAfter(java.time.LocalTime.of(8, 0));

        assertThatThrownBy(() -> early.close(office.day(), SUPERVISOR))
                .isInstanceOf(UserFacingException.class)
                .satisfies(e -> assertThat(((UserFacingException) e).key()).isEqualTo("supervisor.close.tooEarly"));
        assertThatThrownBy(() -> early.close(office.day(), SUPERVISOR, "   "))
                .isInstanceOf(UserFacingException.class);
        assertThat(noShowEvents()).as("nothing recorded").isEmpty();
        assertThat(closing.preview(office.day(), SUPERVISOR).alreadyClosed()).isFalse();
    }

    @Test
    void closingEarlyWithAReasonClosesAndAuditsTheReason() {
        CloseDayService early = new CloseDayService(office.app().caseWork(BEFORE_FIRST_SLOT), SimulatedCentral.OFFICE);

        DayClosing day = early.close(office.day(), SUPERVISOR, "listrik padam, kantor ditutup");

        assertThat(day.noShows()).isEqualTo(neverCheckedIn().size());
        List<String> details = office.app().caseWork(AFTER_LAST_SLOT).db().dsl()
                .select(id.loket.db.jooq.Tables.AUDIT_LOG.DETAILS).from(id.loket.db.jooq.Tables.AUDIT_LOG)
                .where(id.loket.db.jooq.Tables.AUDIT_LOG.ACTION.eq("DAY_CLOSED_EARLY")).fetch(id.loket.db.jooq.Tables.AUDIT_LOG.DETAILS);
        assertThat(details).singleElement().asString().contains("listrik padam, kantor ditutup", office.day().toString());
    }

    @Test
    void afterTheLastSlotNoReasonIsNeededAndThePreviewIsNotEarly() {
        assertThat(closing.preview(office.day(), SUPERVISOR).early()).isFalse();
        assertThat(closing.close(office.day(), SUPERVISOR).alreadyClosed()).isFalse();
    }

    @Test
    void thePreviewListsTheOpenCasesAndSaysHowManyBecomeNoShows() {
        DayClosing preview = closing.preview(office.day(), SUPERVISOR);

        assertThat(preview.noShows()).isEqualTo(neverCheckedIn().size());
        assertThat(preview.open()).extracting(OpenCase::name)
                .containsExactlyInAnyOrder(waiting.applicant().fullName(), atCounter.applicant().fullName());
        assertThat(preview.conflicts()).isEmpty();
    }

    /** Marks the event {@code seq} as taken by central {@code daysAgo} days before the closing, as a push would have. */
    private void sentDaysAgo(long seq, int daysAgo) {
        office.app().caseWork(AFTER_LAST_SLOT).db().dsl().update(id.loket.db.jooq.Tables.OUTBOX_EVENT)
                .set(id.loket.db.jooq.Tables.OUTBOX_EVENT.STATE, "SENT")
                .set(id.loket.db.jooq.Tables.OUTBOX_EVENT.SENT_AT, java.time.OffsetDateTime.now(AFTER_LAST_SLOT).minusDays(daysAgo))
                .where(id.loket.db.jooq.Tables.OUTBOX_EVENT.SEQ.eq(seq)).execute();
    }

    @Test
    void closingRemovesEventsCentralTookLongerAgoThanTheSettingKeepsAndNothingElse() {
        List<OutboxEvent> before = office.app().cases().allEvents(SUPERVISOR);
        assertThat(before).hasSize(2); // the two check-ins
        OutboxEvent old = before.get(0);
        OutboxEvent recent = before.get(1);
        sentDaysAgo(old.seq(), 91);
        sentDaysAgo(recent.seq(), 89);

        closing.close(office.day(), SUPERVISOR);

        List<Long> after = office.app().cases().allEvents(SUPERVISOR).stream().map(OutboxEvent::seq).toList();
        assertThat(after).as("sent 91 days ago: gone").doesNotContain(old.seq())
                .as("sent 89 days ago: kept").contains(recent.seq());
        assertThat(noShowEvents()).as("the closing's own events, not sent yet: kept").hasSize(neverCheckedIn().size());
    }

    @Test
    void keepSentDaysZeroKeepsEverything() {
        office.app().settings().put(CloseDayService.KEEP_SENT_SETTING, "0");
        OutboxEvent old = office.app().cases().allEvents(SUPERVISOR).get(0);
        sentDaysAgo(old.seq(), 4000);

        closing.close(office.day(), SUPERVISOR);

        assertThat(office.app().cases().allEvents(SUPERVISOR)).extracting(OutboxEvent::seq).contains(old.seq());
    }

    @Test
    void theKeepSettingIsReadAsWholeDaysAndFallsBackToNinety() {
        assertThat(CloseDayService.keepSentDays(null)).isEqualTo(90);
        assertThat(CloseDayService.keepSentDays(" 30 ")).isEqualTo(30);
        assertThat(CloseDayService.keepSentDays("-1")).isEqualTo(90);
        assertThat(CloseDayService.keepSentDays("lama")).isEqualTo(90);
        assertThat(CloseDayService.keepSentDays("0")).isZero();
    }
}
