package id.loket.sync.service;

import static id.loket.testing.OfficeFixture.OFFICER;
import static id.loket.testing.OfficeFixture.SUPERVISOR;
import static id.loket.testing.SimulatedCentral.DAY;
import static id.loket.testing.SimulatedCentral.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.appointment.model.Applicant;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.Requirement;
import id.loket.central.ContractJson;
import id.loket.checkin.model.WalkInForm;
import id.loket.sync.model.Conflict;
import id.loket.sync.model.ConflictKind;
import id.loket.casefile.model.OutboxEntry;
import id.loket.casefile.model.OutboxState;
import id.loket.sync.model.PullReport;
import id.loket.sync.model.Resolution;
import id.loket.testing.OfficeFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull notices where central's changes disagree with what the office has done, records
 * each conflict once with both sides, and holds what must not reach central before a
 * supervisor decides. Real simulator over HTTP, real H2 file.
 */
class PullConflictsIT {

    @TempDir
    Path dir;

    private OfficeFixture office;

    @BeforeEach
    void open() {
        office = new OfficeFixture(dir);
    }

    @AfterEach
    void close() {
        office.close();
    }

    private PullReport pull() {
        PullReport r = office.app().pullService(office.central().client(Duration.ofSeconds(5)), RetrySettings.none())
                .pull(OFFICE, DAY, 1, PullService.Listener.NONE);
        assertThat(r.complete()).isTrue();
        return r;
    }

    private List<OutboxEntry> unsentOf(String caseRef) {
        return office.app().unsentEvents(SUPERVISOR).stream().filter(e -> e.caseRef().equals(caseRef)).toList();
    }

    private CaseFile verified(Appointment booking) {
        office.checkIn().checkIn(booking.id(), OFFICER);
        CaseFile c = office.checkIn().call(booking.id(), OFFICER);
        boolean identityDone = false;
        for (DocumentCheck d : c.documents()) {
            if (d.requirement() == Requirement.REQUIRED || (d.requirement() == Requirement.ONE_OF && !identityDone)) {
                office.verification().recordDocument(c.caseRef(), OFFICER, d.type(), DocumentResult.VERIFIED, null);
                identityDone |= d.requirement() == Requirement.ONE_OF;
            }
        }
        return office.verification().finish(c.caseRef(), OFFICER);
    }

    @Test
    void centralCancellingABookingAlreadyCheckedInIsAConflictThatHoldsTheCasesEventsOnce() {
        Appointment booking = office.adult(ServiceType.RENEWAL);
        String ref = office.checkIn().checkIn(booking.id(), OFFICER).caseRef();
        office.central().store().cancel(booking.id());

        PullReport first = pull();

        assertThat(first.conflicts()).isEqualTo(1);
        List<Conflict> open = office.app().conflicts().open(SUPERVISOR);
        assertThat(open).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ConflictKind.SERVED_THEN_CHANGED);
            assertThat(c.caseRef()).isEqualTo(ref);
            assertThat(c.reason()).isEqualTo("APPOINTMENT_CANCELLED");
            JsonNode officeSide = ContractJson.mapper().readTree(c.officeSide());
            JsonNode centralSide = ContractJson.mapper().readTree(c.centralSide());
            assertThat(officeSide.get("status").asText()).isEqualTo("CHECKED_IN");
            assertThat(centralSide.at("/appointment/status").asText()).isEqualTo("CANCELLED");
        });
        assertThat(unsentOf(ref)).extracting(OutboxEntry::state).containsExactly(OutboxState.HELD);

        office.central().store().update(booking.id(), a -> a); // central sends a newer version again
        assertThat(pull().conflicts()).as("the same conflict is not recorded twice").isZero();
        assertThat(office.app().conflicts().open(SUPERVISOR)).hasSize(1);

        office.app().conflicts().resolve(open.get(0).id(), SUPERVISOR, Resolution.KEEP_OFFICE, "Pemohon sudah dilayani");
        assertThat(unsentOf(ref)).extracting(OutboxEntry::state).containsExactly(OutboxState.PENDING);
    }

    @Test
    void aNewerVersionChangingTheVerifiedNameIsAConflictThatHoldsNothing() throws Exception {
        Appointment booking = office.adult(ServiceType.RENEWAL);
        CaseFile c = verified(booking);
        office.central().store().update(booking.id(), a -> new Appointment(a.id(), a.version(), a.bookingCode(), a.office(), a.date(),
                a.slotStart(), a.slotEnd(), a.status(), a.rescheduledTo(), a.service(), a.passportType(), a.validityYears(),
                a.sameDay(), renamed(a.applicant(), "Ni Made Ayu D'Souza"), a.payment(), a.updatedAt()));

        assertThat(pull().conflicts()).isEqualTo(1);

        Conflict conflict = office.app().conflicts().open(SUPERVISOR).get(0);
        assertThat(conflict.kind()).isEqualTo(ConflictKind.VERIFIED_DATA_CHANGED);
        assertThat(conflict.reason()).isEqualTo("CHANGED fullName");
        assertThat(ContractJson.mapper().readTree(conflict.officeSide()).at("/applicant/fullName").asText())
                .isEqualTo(booking.applicant().fullName());
        assertThat(ContractJson.mapper().readTree(conflict.centralSide()).at("/appointment/applicant/fullName").asText())
                .isEqualTo("Ni Made Ayu D'Souza");
        assertThat(unsentOf(c.caseRef())).extracting(OutboxEntry::state).containsOnly(OutboxState.PENDING);
    }

    @Test
    void aBookingArrivingForAWalkInsNikIsAConflictThatHoldsTheWalkIn() {
        String nik = "5171010101900001";
        String walkIn = office.checkIn().registerWalkIn(new WalkInForm(nik, "Sukarno", LocalDate.of(1990, 1, 1), "Denpasar", Sex.M,
                false, ServiceType.RENEWAL, PassportType.ELECTRONIC, 10, null), OFFICER, false).caseRef();
        Appointment model = office.adult(ServiceType.RENEWAL);
        office.central().store().publish(new Appointment(UUID.randomUUID().toString(), 1, "DPSLATE001", OFFICE, DAY, "10:00", "11:00",
                model.status(), null, ServiceType.RENEWAL, PassportType.ELECTRONIC, 10, false,
                new Applicant(nik, "Sukarno", LocalDate.of(1990, 1, 1), "Denpasar", Sex.M, false, null, null, null, List.of()),
                model.payment(), model.updatedAt()));

        assertThat(pull().conflicts()).isEqualTo(1);

        Conflict conflict = office.app().conflicts().open(SUPERVISOR).get(0);
        assertThat(conflict.kind()).isEqualTo(ConflictKind.WALK_IN_DUPLICATES_BOOKING);
        assertThat(conflict.caseRef()).isEqualTo(walkIn);
        assertThat(conflict.reason()).isEqualTo("BOOKING DPSLATE001");
        assertThat(unsentOf(walkIn)).isNotEmpty().extracting(OutboxEntry::state).containsOnly(OutboxState.HELD);
    }

    @Test
    void changesToBookingsNobodyServedAreNoConflict() {
        Appointment booking = office.adult(ServiceType.RENEWAL);
        office.central().store().cancel(booking.id());
        assertThat(pull().conflicts()).isZero();
        assertThat(office.app().conflicts().open(SUPERVISOR)).isEmpty();
    }

    private static Applicant renamed(Applicant p, String name) {
        return new Applicant(p.nik(), name, p.birthDate(), p.birthPlace(), p.sex(), p.married(), p.phone(), p.email(),
                p.oldPassportNumber(), p.guardians());
    }
}
