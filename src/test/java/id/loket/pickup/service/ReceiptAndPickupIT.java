package id.loket.pickup.service;

import static id.loket.testing.OfficeFixture.ADMIN;
import static id.loket.testing.OfficeFixture.OFFICER;
import static id.loket.testing.OfficeFixture.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.PaymentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.InterviewOutcome;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.model.Requirement;
import id.loket.casefile.model.TransitionRefused;
import id.loket.common.model.UserFacingException;
import id.loket.pickup.service.PickupService.PickupCase;
import id.loket.receipt.model.CollectedBy;
import id.loket.receipt.model.HolidayKind;
import id.loket.receipt.model.PickupRules;
import id.loket.receipt.model.Receipt;
import id.loket.receipt.model.ReceiptNumber;
import id.loket.receipt.model.GivenAs;
import id.loket.receipt.model.ReceiptSlip;
import id.loket.receipt.repo.ReceiptRepository;
import id.loket.receipt.service.ReceiptService;
import id.loket.testing.OfficeFixture;
import id.loket.verification.service.VerificationService;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** From an approved case to the passport in the applicant's hands, through the real services and a real H2 file. */
class ReceiptAndPickupIT {

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

    private ReceiptService receipts() {
        return office.app().receipts(office.app().clock());
    }

    private PickupService pickup() {
        return office.app().pickup(office.app().clock());
    }

    private DSLContext dsl() {
        return office.app().caseWork(office.app().clock()).db().dsl();
    }

    private CaseFile verified(Appointment booking) {
        office.checkIn().checkIn(booking.id(), OFFICER);
        return verifiedCase(booking.id());
    }

    private CaseFile verifiedCase(String caseRef) {
        CaseFile c = office.checkIn().call(caseRef, OFFICER);
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

    private CaseFile approved(Appointment booking) {
        verified(booking);
        CaseFile c = office.verification().interview(booking.id(), OFFICER, InterviewOutcome.PASSED, null);
        return office.verification().approve(booking.id(), c.status() == CaseStatus.APPROVAL_PENDING ? SUPERVISOR : OFFICER);
    }

    private Appointment paidAdult() {
        Appointment a = office.adult(ServiceType.RENEWAL);
        assertThat(a.payment().status()).isEqualTo(PaymentStatus.PAID);
        return a;
    }

    private static String key(Throwable e) {
        return ((UserFacingException) e).key();
    }

    private static JsonNode json(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theReceiptIsRefusedBeforeApproval() {
        Appointment booking = paidAdult();
        verified(booking);

        assertThatThrownBy(() -> receipts().issue(booking.id(), OFFICER)).isInstanceOfSatisfying(TransitionRefused.class,
                e -> assertThat(e.key()).isEqualTo("case.refused.state"));
        assertThat(new ReceiptRepository(dsl()).byCase(booking.id())).isEmpty();
    }

    @Test
    void anUnpaidCaseGetsNoReceiptAndLeavesNothingBehindUntilItsNtpnIsRecorded() {
        Appointment booking = office.booked(a -> a.payment() != null && a.payment().status() == PaymentStatus.UNPAID
                && a.applicant().guardians().isEmpty() && a.service() == ServiceType.RENEWAL).get(0);
        approved(booking);
        int audits = office.app().cases().history(OFFICER, booking.id()).size();
        int events = office.app().cases().events(OFFICER, booking.id()).size();

        assertThatThrownBy(() -> receipts().issue(booking.id(), OFFICER)).satisfies(e -> assertThat(key(e)).isEqualTo("receipt.unpaid"));

        assertThat(office.verification().get(OFFICER, booking.id()).status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(new ReceiptRepository(dsl()).byCase(booking.id())).isEmpty();
        assertThat(office.app().cases().history(OFFICER, booking.id())).hasSize(audits);
        assertThat(office.app().cases().events(OFFICER, booking.id())).hasSize(events);

        office.verification().recordPayment(booking.id(), OFFICER, "0123456789ABCDEF");
        ReceiptSlip slip = receipts().issue(booking.id(), OFFICER);
        assertThat(slip.receipt().receiptNumber()).isEqualTo("TT-DPS-20261127-0001");
    }

    @Test
    void theReceiptHasItsNumberAPickupDatePastWeekendAndHolidayAndOneEvent() {
        office.app().holidays().add(ADMIN, LocalDate.parse("2026-12-01"), "Libur kantor", HolidayKind.COLLECTIVE_LEAVE);
        Appointment first = paidAdult();
        Appointment second = office.booked(a -> a.payment().status() == PaymentStatus.PAID && !a.id().equals(first.id())
                && a.applicant().guardians().isEmpty() && a.service() == ServiceType.RENEWAL).get(0);
        approved(first);
        approved(second);

        ReceiptSlip slip = receipts().issue(first.id(), OFFICER);
        ReceiptSlip next = receipts().issue(second.id(), SUPERVISOR);

        // Friday 27 November: Saturday, Sunday and the office's holiday on Tuesday are skipped.
        assertThat(slip.receipt().receiptNumber()).isEqualTo("TT-DPS-20261127-0001");
        assertThat(next.receipt().receiptNumber()).isEqualTo("TT-DPS-20261127-0002");
        assertThat(slip.receipt().receiptDate()).isEqualTo(office.day());
        assertThat(slip.receipt().pickupDate()).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(slip.receipt().reprintCount()).isZero();
        assertThat(slip.firstDayHours()).isEqualTo(PickupRules.defaults().firstDayHours());
        assertThat(slip.laterDayHours()).isEqualTo(PickupRules.defaults().laterDayHours());
        assertThat(office.verification().get(OFFICER, first.id()).status()).isEqualTo(CaseStatus.RECEIPT_ISSUED);
        List<OutboxEvent> issued = office.app().cases().events(OFFICER, first.id()).stream().filter(e -> e.type() == EventType.RECEIPT_ISSUED).toList();
        assertThat(issued).hasSize(1);
        JsonNode data = json(issued.get(0).payload()).get("data");
        assertThat(data.get("receiptNumber").asText()).isEqualTo("TT-DPS-20261127-0001");
        assertThat(data.get("pickupDate").asText()).isEqualTo("2026-12-04");
        assertThat(office.app().cases().history(OFFICER, first.id()).get(office.app().cases().history(OFFICER, first.id()).size() - 1))
                .satisfies(a -> {
                    assertThat(a.action()).isEqualTo(CaseAction.ISSUE_RECEIPT);
                    assertThat(a.to()).isEqualTo(CaseStatus.RECEIPT_ISSUED);
                });
        assertThatThrownBy(() -> receipts().issue(first.id(), OFFICER)).isInstanceOf(TransitionRefused.class);
    }

    @Test
    void aReprintIsCountedAndAuditedWithoutAnEvent() {
        Appointment booking = paidAdult();
        approved(booking);
        receipts().issue(booking.id(), OFFICER);
        int events = office.app().cases().events(OFFICER, booking.id()).size();

        receipts().given(booking.id(), OFFICER, GivenAs.PRINTED, "PDF", false); // the original reached the applicant
        receipts().given(booking.id(), OFFICER, GivenAs.PRINTED, "PDF", true);
        ReceiptSlip again = receipts().given(booking.id(), SUPERVISOR, GivenAs.SAVED, "/tmp/copy.pdf", true);

        assertThat(again.receipt().reprintCount()).isEqualTo(2);
        assertThat(again.receipt().receiptNumber()).isEqualTo("TT-DPS-20261127-0001");
        assertThat(office.app().cases().events(OFFICER, booking.id())).hasSize(events);
        assertThat(office.app().cases().history(OFFICER, booking.id())).filteredOn(a -> a.action() == CaseAction.REPRINT_RECEIPT)
                .extracting(AuditEntry::officer).containsExactly("petugas1", "supervisor");
        assertThat(office.verification().get(OFFICER, booking.id()).status()).isEqualTo(CaseStatus.RECEIPT_ISSUED);
    }

    @Test
    void aReceiptStepThatFailsHalfwayLeavesNothingBehind() {
        Appointment booking = paidAdult();
        Appointment other = office.booked(a -> a.payment().status() == PaymentStatus.PAID && !a.id().equals(booking.id())).get(0);
        approved(booking);
        office.checkIn().checkIn(other.id(), OFFICER);
        // Somebody already holds the number this receipt would get: the insert fails after the number was taken.
        CaseFile blocker = office.verification().get(OFFICER, other.id());
        new ReceiptRepository(dsl()).insert(Receipt.issued(blocker.caseRef(),
                ReceiptNumber.parse("TT-DPS-20261127-0001"), office.day(), blocker.checkedInAt(), "x", "X", 0, null, null));
        int audits = office.app().cases().history(OFFICER, booking.id()).size();
        int events = office.app().cases().events(OFFICER, booking.id()).size();

        assertThatThrownBy(() -> receipts().issue(booking.id(), OFFICER)).isInstanceOf(RuntimeException.class);

        assertThat(office.verification().get(OFFICER, booking.id()).status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(new ReceiptRepository(dsl()).byCase(booking.id())).isEmpty();
        assertThat(office.app().cases().history(OFFICER, booking.id())).hasSize(audits);
        assertThat(office.app().cases().events(OFFICER, booking.id())).hasSize(events);
        // The number taken inside the failed step was given back with it.
        new ReceiptRepository(dsl()).update(Receipt.issued(blocker.caseRef(),
                ReceiptNumber.parse("TT-DPS-20261127-9999"), office.day(), blocker.checkedInAt(), "x", "X", 0, null, null));
        assertThat(receipts().issue(booking.id(), OFFICER).receipt().receiptNumber()).isEqualTo("TT-DPS-20261127-0001");
    }

    @Test
    void thePassportIsMarkedReadyAndHandedToTheApplicant() {
        Appointment booking = paidAdult();
        approved(booking);
        String number = receipts().issue(booking.id(), OFFICER).receipt().receiptNumber();

        assertThatThrownBy(() -> pickup().findByReceipt(OFFICER, number)).satisfies(e -> {
            assertThat(key(e)).isEqualTo("pickup.notReady");
            assertThat(((UserFacingException) e).args()).containsExactly(number, "2026-12-03");
        });
        assertThatThrownBy(() -> pickup().handOver(number, OFFICER, CollectedBy.SELF, null, null, "X1234567"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("pickup.notReady"));

        PickupCase ready = pickup().markReady(number, OFFICER);
        assertThat(ready.caseFile().status()).isEqualTo(CaseStatus.READY_FOR_PICKUP);
        assertThat(ready.receipt().readyAt()).isNotNull();
        assertThat(pickup().findByReceipt(OFFICER, " " + number.toLowerCase() + " ").caseFile().caseRef()).isEqualTo(booking.id());

        PickupCase done = pickup().handOver(number, OFFICER, CollectedBy.SELF, "ignored", "ignored", "x1234567");

        assertThat(done.caseFile().status()).isEqualTo(CaseStatus.HANDED_OVER);
        assertThat(done.receipt().passportNumber()).isEqualTo("X1234567");
        assertThat(done.receipt().collectedBy()).isEqualTo(CollectedBy.SELF);
        assertThat(done.receipt().representativeName()).isNull();
        assertThat(done.receipt().representativeNik()).isNull();
        assertThat(done.receipt().handedOverBy()).isEqualTo("petugas1");
        assertThat(office.app().cases().events(OFFICER, booking.id())).extracting(OutboxEvent::type)
                .endsWith(EventType.RECEIPT_ISSUED, EventType.READY_FOR_PICKUP, EventType.HANDED_OVER);
        List<OutboxEvent> all = office.app().cases().events(OFFICER, booking.id());
        JsonNode handed = json(all.get(all.size() - 1).payload()).get("data");
        assertThat(handed.get("passportNumber").asText()).isEqualTo("X1234567");
        assertThat(handed.get("collectedBy").asText()).isEqualTo("SELF");
        assertThatThrownBy(() -> pickup().findByReceipt(OFFICER, number)).satisfies(e -> {
            assertThat(key(e)).isEqualTo("pickup.alreadyHandedOver");
            assertThat(((UserFacingException) e).args()).containsExactly(number, "2026-11-27 08:30", booking.applicant().fullName());
        });
        assertThatThrownBy(() -> pickup().handOver(number, OFFICER, CollectedBy.SELF, null, null, "X1234567"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("pickup.alreadyHandedOver"));
        // a copy of the receipt can still be printed once the passport was handed over
        receipts().given(booking.id(), OFFICER, GivenAs.PRINTED, "PDF", false);
        assertThat(receipts().given(booking.id(), OFFICER, GivenAs.PRINTED, "PDF", true).receipt().reprintCount()).isEqualTo(1);
    }

    @Test
    void aRepresentativeCollectsWithAValidNikThatIsNeverLoggedWhole() {
        Appointment booking = paidAdult();
        String representativeNik = office.booked(a -> !a.id().equals(booking.id())).get(0).applicant().nik();
        approved(booking);
        String number = receipts().issue(booking.id(), OFFICER).receipt().receiptNumber();
        pickup().markReady(number, SUPERVISOR);
        int audits = office.app().cases().history(OFFICER, booking.id()).size();

        assertThatThrownBy(() -> pickup().handOver(number, OFFICER, CollectedBy.REPRESENTATIVE, " ", representativeNik, "X1234567"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("pickup.representativeNameRequired"));
        assertThatThrownBy(() -> pickup().handOver(number, OFFICER, CollectedBy.REPRESENTATIVE, "Made Wirawan", null, "X1234567"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("pickup.representativeNikRequired"));
        assertThatThrownBy(() -> pickup().handOver(number, OFFICER, CollectedBy.REPRESENTATIVE, "Made Wirawan", "1234", "X1234567"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("pickup.badRepresentativeNik"));
        assertThatThrownBy(() -> pickup().handOver(number, OFFICER, CollectedBy.REPRESENTATIVE, "Made Wirawan", representativeNik, "1234567"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("pickup.badPassportNumber"));
        assertThatThrownBy(() -> pickup().handOver(number, OFFICER, null, null, null, "X1234567"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("pickup.collectedByRequired"));
        assertThat(office.app().cases().history(OFFICER, booking.id())).hasSize(audits);
        assertThat(pickup().findByReceipt(OFFICER, number).caseFile().status()).isEqualTo(CaseStatus.READY_FOR_PICKUP);

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        Logger steps = (Logger) LoggerFactory.getLogger(id.loket.casefile.service.CaseWork.class);
        Level before = steps.getLevel();
        steps.setLevel(Level.INFO);
        PickupCase done;
        try {
            done = pickup().handOver(number, OFFICER, CollectedBy.REPRESENTATIVE, " Made Wirawan ", representativeNik, "B7654321");
        } finally {
            steps.setLevel(before);
            root.detachAppender(logs);
        }

        assertThat(done.caseFile().status()).isEqualTo(CaseStatus.HANDED_OVER);
        assertThat(done.receipt().collectedBy()).isEqualTo(CollectedBy.REPRESENTATIVE);
        assertThat(done.receipt().representativeName()).isEqualTo("Made Wirawan");
        assertThat(done.receipt().representativeNik()).isEqualTo(representativeNik);
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains(representativeNik));
        AuditEntry last = office.app().cases().history(OFFICER, booking.id()).get(office.app().cases().history(OFFICER, booking.id()).size() - 1);
        assertThat(last.action()).isEqualTo(CaseAction.HAND_OVER);
        assertThat(last.details()).contains("Made Wirawan").contains(representativeNik.substring(12)).doesNotContain(representativeNik);
        assertThat(office.app().cases().events(OFFICER, booking.id())).extracting(OutboxEvent::payload).noneMatch(p -> p.contains(representativeNik));
        JsonNode handed = json(office.app().cases().events(OFFICER, booking.id()).get(office.app().cases().events(OFFICER, booking.id()).size() - 1).payload());
        assertThat(handed.at("/data/collectedBy").asText()).isEqualTo("REPRESENTATIVE");
        assertThat(handed.at("/data/passportNumber").asText()).isEqualTo("B7654321");
        assertThatThrownBy(() -> pickup().findByReceipt(OFFICER, number)).satisfies(e ->
                assertThat(((UserFacingException) e).args()).containsExactly(number, "2026-11-27 08:30", "Made Wirawan"));
    }

    @Test
    void theReceiptsWaitingForTheirPassportAreTheOfficesNotYetReadyOnesOldestFirst() {
        Appointment first = paidAdult();
        Appointment second = office.booked(a -> a.payment().status() == PaymentStatus.PAID && !a.id().equals(first.id())
                && a.applicant().guardians().isEmpty() && a.service() == ServiceType.RENEWAL).get(0);
        approved(first);
        approved(second);
        assertThat(pickup().waitingForPassport(OFFICER, "DPS")).isEmpty();
        String one = receipts().issue(first.id(), OFFICER).receipt().receiptNumber();
        String two = receipts().issue(second.id(), OFFICER).receipt().receiptNumber();

        assertThat(pickup().waitingForPassport(OFFICER, "DPS")).extracting(Receipt::receiptNumber).containsExactly(one, two);
        assertThat(pickup().waitingForPassport(OFFICER, "JKT")).isEmpty();

        pickup().markReady(one, OFFICER);
        assertThat(pickup().waitingForPassport(OFFICER, "DPS")).extracting(Receipt::receiptNumber).containsExactly(two);
        pickup().markReady(two, OFFICER);
        pickup().handOver(one, OFFICER, CollectedBy.SELF, null, null, "X1234567");
        assertThat(pickup().waitingForPassport(OFFICER, "DPS")).isEmpty();
    }

    @Test
    void aWalkInNeedsAnNtpnForItsReceipt() {
        String ref = office.checkIn().registerWalkIn(new id.loket.checkin.model.WalkInForm("5171010101900001", "Sukarno",
                LocalDate.of(1990, 1, 1), "Denpasar", id.loket.common.model.Sex.M, false, ServiceType.RENEWAL,
                id.loket.appointment.model.PassportType.ELECTRONIC, 10, null), OFFICER, false).caseRef();
        verifiedCase(ref);
        office.verification().interview(ref, OFFICER, InterviewOutcome.PASSED, null);
        office.verification().approve(ref, OFFICER);

        assertThatThrownBy(() -> receipts().issue(ref, OFFICER)).satisfies(e -> assertThat(key(e)).isEqualTo("receipt.walkInNeedsNtpn"));
        assertThat(office.verification().get(OFFICER, ref).status()).isEqualTo(CaseStatus.APPROVED);

        office.verification().recordPayment(ref, OFFICER, "ABCDEF0123456789");
        assertThat(receipts().issue(ref, OFFICER).receipt().pickupDate()).isEqualTo(LocalDate.parse("2026-12-03"));
    }

    @Test
    void unknownReceiptsAreRefused() {
        assertThatThrownBy(() -> pickup().findByReceipt(OFFICER, "TT-DPS-20261127-0042")).satisfies(e -> assertThat(key(e)).isEqualTo("pickup.unknownReceipt"));
        // Text that is no receipt number at all is refused as such, saying what a receipt number looks like.
        assertThatThrownBy(() -> pickup().markReady("nope", OFFICER)).satisfies(e -> assertThat(key(e)).isEqualTo("receipt.badNumber"));
        assertThatThrownBy(() -> pickup().markReady("TT-DPS-20261127-0042", OFFICER)).satisfies(e -> assertThat(key(e)).isEqualTo("pickup.unknownReceipt"));
        assertThatThrownBy(() -> pickup().handOver("TT-DPS-20261127-0042", OFFICER, CollectedBy.SELF, null, null, "X1234567"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("pickup.unknownReceipt"));
    }

    @Test
    void anAdministratorTakesNoCaseSteps() {
        Appointment booking = paidAdult();
        approved(booking);
        assertThatThrownBy(() -> receipts().issue(booking.id(), ADMIN)).isInstanceOfSatisfying(id.loket.common.model.AccessRefused.class,
                e -> assertThat(e.key()).isEqualTo("auth.forbidden"));
    }
}
