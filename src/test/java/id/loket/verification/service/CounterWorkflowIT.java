package id.loket.verification.service;

import static id.loket.testing.OfficeFixture.OFFICER;
import static id.loket.testing.OfficeFixture.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.ServiceType;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.DocumentType;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.InterviewOutcome;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.model.Requirement;
import id.loket.casefile.model.TransitionRefused;
import id.loket.testing.OfficeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case from check-in to approval through the real services and a real H2 file. */
class CounterWorkflowIT {

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

    private CaseFile verifyAll(CaseFile c) {
        VerificationService v = office.verification();
        boolean identityDone = false;
        for (DocumentCheck d : c.documents()) {
            if (d.requirement() == Requirement.REQUIRED || (d.requirement() == Requirement.ONE_OF && !identityDone)) {
                v.recordDocument(c.caseRef(), OFFICER, d.type(), DocumentResult.VERIFIED, null);
                identityDone |= d.requirement() == Requirement.ONE_OF;
            }
        }
        return v.finish(c.caseRef(), OFFICER);
    }

    @Test
    void renewalGoesFromCheckInToApprovedWithAuditAndEventsInOrder() throws Exception {
        Appointment booking = office.adult(ServiceType.RENEWAL);

        CaseFile checkedIn = office.checkIn().checkIn(booking.id(), OFFICER);
        CaseFile called = office.checkIn().callNext(OFFICER).orElseThrow();
        CaseFile verified = verifyAll(called);
        CaseFile interviewed = office.verification().interview(booking.id(), OFFICER, InterviewOutcome.PASSED, null);
        CaseFile approved = office.verification().approve(booking.id(), OFFICER);

        assertThat(checkedIn.queueNumber().toString()).isEqualTo("A-001");
        assertThat(called.caseRef()).isEqualTo(booking.id());
        assertThat(called.counter()).isEqualTo("3");
        assertThat(verified.status()).isEqualTo(CaseStatus.VERIFIED);
        assertThat(interviewed.status()).isEqualTo(CaseStatus.INTERVIEWED);
        assertThat(approved.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(office.app().cases().history(OFFICER, booking.id())).extracting(h -> h.to())
                .containsSubsequence(CaseStatus.CHECKED_IN, CaseStatus.IN_VERIFICATION, CaseStatus.VERIFIED, CaseStatus.INTERVIEWED, CaseStatus.APPROVED);
        List<OutboxEvent> events = office.app().cases().events(OFFICER, booking.id());
        assertThat(events).extracting(OutboxEvent::type)
                .containsExactly(EventType.CHECKED_IN, EventType.DOCUMENTS_VERIFIED, EventType.INTERVIEWED, EventType.APPROVED);
        JsonNode first = new ObjectMapper().readTree(events.get(0).payload());
        assertThat(first.get("caseRef").asText()).isEqualTo(booking.id());
        assertThat(first.get("officer").asText()).isEqualTo("petugas1");
        assertThat(first.get("counter").asText()).isEqualTo("3");
        assertThat(first.at("/data/queueNumber").asText()).isEqualTo("A-001");
        assertThat(first.get("occurredAt").asText()).startsWith("2026-11-27T08:30");
        JsonNode docs = new ObjectMapper().readTree(events.get(1).payload()).at("/data/documents");
        assertThat(docs).extracting(d -> d.get("type").asText()).contains("E_KTP", "KK", "OLD_PASSPORT");
    }

    @Test
    void lostPassportNeedsTheSupervisorAndTheCounterCannotApproveIt() {
        Appointment booking = office.adult(ServiceType.REPLACEMENT_LOST);
        office.checkIn().checkIn(booking.id(), OFFICER);
        CaseFile c = office.checkIn().call(booking.id(), OFFICER);
        assertThat(c.documents()).extracting(DocumentCheck::type).contains(DocumentType.POLICE_LOSS_REPORT);
        verifyAll(c);

        CaseFile pending = office.verification().interview(booking.id(), OFFICER, InterviewOutcome.PASSED, null);

        assertThat(pending.status()).isEqualTo(CaseStatus.APPROVAL_PENDING);
        assertThatThrownBy(() -> office.verification().approve(booking.id(), OFFICER)).isInstanceOf(TransitionRefused.class);
        assertThat(office.verification().approve(booking.id(), SUPERVISOR).status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(office.app().cases().events(OFFICER, booking.id())).extracting(OutboxEvent::type)
                .containsExactly(EventType.CHECKED_IN, EventType.DOCUMENTS_VERIFIED, EventType.INTERVIEWED,
                        EventType.APPROVAL_REQUESTED, EventType.APPROVED);
    }

    @Test
    void minorMissingAParentsEKtpGoesOnHoldAndIsResumedByScanningAgain() {
        Appointment booking = office.minor();
        office.checkIn().checkIn(booking.id(), OFFICER);
        CaseFile c = office.checkIn().call(booking.id(), OFFICER);
        VerificationService v = office.verification();
        for (DocumentCheck d : c.documents()) {
            if (d.requirement() == Requirement.REQUIRED) {
                DocumentResult r = d.type() == DocumentType.MOTHER_E_KTP ? DocumentResult.MISSING : DocumentResult.VERIFIED;
                v.recordDocument(c.caseRef(), OFFICER, d.type(), r, null);
            }
        }

        CaseFile held = v.finish(c.caseRef(), OFFICER);

        assertThat(held.status()).isEqualTo(CaseStatus.ON_HOLD);
        assertThat(held.holdReturnBy()).isEqualTo(office.day().plusDays(7));
        assertThat(office.checkIn().scan(OFFICER, booking.bookingCode()))
                .isInstanceOfSatisfying(id.loket.checkin.model.ScanResult.ToResume.class, r -> assertThat(r.caseFile().caseRef()).isEqualTo(c.caseRef()));
        CaseFile resumed = v.resume(c.caseRef(), OFFICER);
        assertThat(resumed.status()).isEqualTo(CaseStatus.IN_VERIFICATION);
        assertThat(resumed.documents()).filteredOn(d -> d.type() == DocumentType.MOTHER_E_KTP).extracting(DocumentCheck::result).containsOnlyNulls();
        v.recordDocument(c.caseRef(), OFFICER, DocumentType.MOTHER_E_KTP, DocumentResult.VERIFIED, null);
        assertThat(v.finish(c.caseRef(), OFFICER).status()).isEqualTo(CaseStatus.VERIFIED);
        JsonNode hold = read(office.app().cases().events(OFFICER, c.caseRef()).get(1).payload());
        assertThat(hold.get("type").asText()).isEqualTo("PUT_ON_HOLD");
        assertThat(hold.at("/data/missing/0").asText()).isEqualTo("MOTHER_E_KTP");
        assertThat(hold.at("/data/returnBy").asText()).isEqualTo(office.day().plusDays(7).toString());
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
