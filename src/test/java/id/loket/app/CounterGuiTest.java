package id.loket.app;

import id.loket.testing.Gui;
import static id.loket.testing.Gui.waitFor;
import id.loket.casefile.model.CaseAction;
import id.loket.testing.TestSessions;
import id.loket.staff.model.Session;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.DocumentType;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.model.Requirement;
import id.loket.central.CentralClient;
import id.loket.central.sim.CentralSimulator;
import id.loket.central.sim.CentralStore;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.Dates;
import id.loket.settings.repo.SettingsRepository;
import id.loket.staff.model.Role;
import java.awt.Component;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.text.JTextComponent;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Pause;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counter screen end to end, with the keyboard as the officer uses it all day: a real H2
 * file, the central simulator over HTTP, the real background sync, keys typed by the AssertJ
 * Swing robot. After login nothing is clicked: the scan field, Enter, F6, the checklist keys
 * and the accelerators carry each case. Needs a display (run under {@code xvfb-run -a}).
 */
class CounterGuiTest {

    private static final String OFFICE = "DPS";
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final int PER_DAY = 120;
    private static final long SEED = 2026;
    private static final String OFFICER = "petugas1";
    private static final String SUPERVISOR = "supervisor";
    private static final String PASSWORD = TestSessions.PASSWORD;
    private static final Duration FIRST_PULL = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofSeconds(15);

    @TempDir
    Path data;

    private final Messages messages = Messages.forLanguage("id");
    private final CountDownLatch closed = new CountDownLatch(1);
    private LocalDate today;
    private CentralSimulator sim;
    private AppContext app;
    private Robot robot;
    private FrameFixture window;

    @BeforeAll
    static void checkEdtUse() {
        FailOnThreadViolationRepaintManager.install();
    }

    @AfterAll
    static void stopCheckingEdtUse() {
        FailOnThreadViolationRepaintManager.uninstall();
    }

    /** Opens the desk; {@code counter} is this desk's counter number, or null for a desk that has none yet. */
    private void openDesk(String counter) throws Exception {
        Clock clock = Clock.system(WITA);
        today = LocalDate.now(WITA);
        String token = "gui-test-office-token";
        sim = new CentralSimulator(new CentralStore(SEED, Set.of(OFFICE), PER_DAY, WITA, clock), token, clock).start(0);
        app = AppContext.open(data, clock, messages);
        TestSessions.account(app.caseWork(Clock.systemUTC()).db(), OFFICER, "Ni Luh Putu Ayu Lestari", Role.COUNTER);
        TestSessions.account(app.caseWork(Clock.systemUTC()).db(), SUPERVISOR, "Ketut Sudarsana", Role.SUPERVISOR);
        if (counter != null) {
            app.pcSettings().put(SettingsRepository.COUNTER, counter);
        }
        robot = BasicRobot.robotWithNewAwtHierarchy();
        Desk desk;
        try {
            desk = Desk.open(app, new CentralClient(CentralClient.Config.of(sim.baseUrl(), token)), OFFICE,
                    Optional.of(DemoCommand.controls(sim)), "id", closed::countDown);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        window = new FrameFixture(robot, desk.frame());
    }

    @BeforeEach
    void noDeskYet() {
        window = null;
    }

    @AfterEach
    void closeDesk() throws InterruptedException {
        try {
            if (window != null) {
                window.close();
                assertThat(closed.await(60, TimeUnit.SECONDS)).as("desk finished closing").isTrue();
            } else if (app != null) {
                app.close();
            }
        } finally {
            if (window != null) {
                window.cleanUp();
            } else if (robot != null) {
                robot.cleanUp();
            }
            if (sim != null) {
                sim.close();
            }
        }
    }

    // ---- the three cases of the day ----

    @Test
    void renewalGoesFromScanToAPrintedReceiptWithTheKeyboardAlone() throws Exception {
        openDesk(null);
        logIn(OFFICER);
        // A desk without a counter number asks once; the officer types 3 over the suggested 1.
        waitUntilFocused("the counter number field", "counter.dialog.field");
        assertThat(textOf("counter.dialog.field")).isEqualTo("1");
        key(KeyEvent.VK_A, InputEvent.CTRL_DOWN_MASK);
        robot.enterText("3");
        key(KeyEvent.VK_ENTER);
        waitFor("the header shows the counter", STEP, () -> textOf("desk.counter"), messages.get("counter.badge", "3")::equals);
        waitForQueue();
        Appointment booking = booked(a -> a.service() == ServiceType.RENEWAL && adult(a) && paid(a)).get(0);

        key(KeyEvent.VK_F2);
        waitUntilFocused("the scan field", "scan.field");
        robot.enterText(booking.bookingCode());
        key(KeyEvent.VK_ENTER);
        // Today's booking checks in at once: the card shows who it is, for the identity check.
        waitFor("the queue number is shown big", STEP, () -> textOf("scan.checkedIn.number"), "A-001"::equals);
        assertThat(textOf("scan.checkedIn.name")).isEqualTo(booking.applicant().fullName());
        assertThat(textOf("scan.checkedIn.nik")).isEqualTo(booking.applicant().nik());
        assertThat(textOf("scan.checkedIn.undo")).startsWith("Esc: batalkan");
        waitUntilFocused("the scan field, for the next applicant", "scan.field");
        assertThat(caseOf(booking).status()).isEqualTo(CaseStatus.CHECKED_IN);

        key(KeyEvent.VK_F6);
        waitForCase("A-001", CaseStatus.IN_VERIFICATION);
        waitUntilFocused("the checklist", "case.checklist");
        assertThat(caseOf(booking).counter()).isEqualTo("3");
        markEverythingVerifiedExcept(caseOf(booking), null);
        // The name-change decree does not apply: arrow down to it, N, the note, Enter.
        key(KeyEvent.VK_DOWN);
        assertThat(selectedDocument()).isEqualTo(messages.name(DocumentType.NAME_CHANGE_DECREE));
        key(KeyEvent.VK_N);
        waitUntilFocused("the note field", "case.note");
        robot.enterText("Nama tidak pernah berubah");
        key(KeyEvent.VK_ENTER);
        waitUntilFocused("the checklist again", "case.checklist");

        key(KeyEvent.VK_ENTER, InputEvent.CTRL_DOWN_MASK);
        waitForCase("A-001", CaseStatus.VERIFIED);
        assertThat(caseOf(booking).documents()).filteredOn(d -> d.type() == DocumentType.NAME_CHANGE_DECREE)
                .extracting(DocumentCheck::result, DocumentCheck::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DocumentResult.NOT_APPLICABLE, "Nama tidak pernah berubah"));

        key(KeyEvent.VK_I, InputEvent.CTRL_DOWN_MASK); // passed: one key, no dialog
        waitForCase("A-001", CaseStatus.INTERVIEWED);
        waitUntilFocused("the approve button", "case.approve");

        key(KeyEvent.VK_A, InputEvent.CTRL_DOWN_MASK);
        waitForCase("A-001", CaseStatus.APPROVED);
        CaseFile approved = caseOf(booking);
        assertThat(approved.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(approved.approvedBy()).isEqualTo(OFFICER);
        assertThat(app.cases().events(reader(), approved.caseRef())).extracting(OutboxEvent::type)
                .containsExactly(EventType.CHECKED_IN, EventType.DOCUMENTS_VERIFIED, EventType.INTERVIEWED, EventType.APPROVED);
        assertThat(app.cases().history(reader(), approved.caseRef())).allSatisfy(h -> assertThat(h.counter()).isEqualTo("3"));
        assertThat(textOf("case.banner")).contains("siap untuk tanda terima");
        assertThat(stepState("APPROVED")).isEqualTo("DONE");
        assertThat(app.pcSettings().get(SettingsRepository.COUNTER)).as("the counter is this PC's setting").contains("3");

        // Enter issues the receipt; its preview opens and Ctrl+P prints it on the CUPS queue.
        waitUntilFocused("the issue-receipt button", "case.issue_receipt");
        key(KeyEvent.VK_ENTER);
        waitForPreview();
        waitForCase("A-001", CaseStatus.RECEIPT_ISSUED);
        CaseFile issued = caseOf(booking);
        String number = app.receipts(app.clock()).slip(reader(), issued.caseRef()).receipt().receiptNumber();
        assertThat(number).startsWith("TT-DPS-");
        key(KeyEvent.VK_P, InputEvent.CTRL_DOWN_MASK);
        waitFor("the scan bar says the receipt went to the printer", Duration.ofSeconds(30), () -> textOf("scan.idle"),
                t -> t.contains("Tanda terima dikirim ke printer PDF"));
        waitUntilFocused("the scan field, for the next applicant", "scan.field");
        assertThat(app.cases().events(reader(), issued.caseRef())).extracting(OutboxEvent::type).endsWith(EventType.RECEIPT_ISSUED);
        waitFor("the banner shows the receipt", STEP, () -> textOf("case.banner"), t -> t.contains(number));
        assertThat(app.pcSettings().get("print.printer")).as("the printer is this PC's setting").contains("PDF");

        // The applicant lost the paper: Ctrl+Shift+P opens a copy; closed unprinted, nothing is counted.
        key(KeyEvent.VK_P, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK);
        waitForPreview();
        key(KeyEvent.VK_ESCAPE);
        waitUntilFocused("the scan field", "scan.field");
        assertThat(app.receipts(app.clock()).slip(reader(), issued.caseRef()).receipt().reprintCount()).isZero();
        // Printed from the preview (Enter), the copy is counted and audited.
        key(KeyEvent.VK_P, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK);
        waitForPreview();
        key(KeyEvent.VK_ENTER);
        waitFor("the copy is counted once printed", Duration.ofSeconds(30),
                () -> app.receipts(app.clock()).slip(reader(), issued.caseRef()).receipt().reprintCount(), n -> n == 1);
        assertThat(app.cases().history(reader(), issued.caseRef())).filteredOn(h -> h.action() == CaseAction.REPRINT_RECEIPT).hasSize(1);
        waitFor("the banner counts the copy", STEP, () -> textOf("case.banner"), t -> t.contains("dicetak ulang 1 kali"));
    }

    /**
     * Issue 11: a standard adult renewal, scanner to printed receipt, in at most 10 keys and no
     * mouse. The scanner's code and its Enter are the scan, not keys; every other key press is
     * counted. The sequence is written down in docs/keyboard.md.
     */
    @Test
    void standardAdultRenewalFromScanToPrintedReceiptTakesAtMostTenKeys() throws Exception {
        openDesk("1");
        logIn(OFFICER);
        waitForQueue();
        Appointment booking = booked(a -> a.service() == ServiceType.RENEWAL && adult(a) && paid(a)).get(0);
        waitUntilFocused("the scan field after login", "scan.field");
        robot.enterText(booking.bookingCode());
        key(KeyEvent.VK_ENTER); // the scanner's Enter: part of the scan
        waitFor("checked in at once", STEP, () -> textOf("scan.checkedIn.number"), "A-001"::equals);
        waitUntilFocused("the scan field", "scan.field");

        int[] keys = {0};
        Runnable count = () -> keys[0]++;
        key(KeyEvent.VK_F6); // 1: call next
        count.run();
        waitForCase("A-001", CaseStatus.IN_VERIFICATION);
        waitUntilFocused("the checklist", "case.checklist");
        CaseFile called = caseOf(booking);
        List<DocumentType> toCheck = new ArrayList<>();
        boolean identityDone = false;
        for (DocumentCheck d : called.documents()) {
            if (d.requirement() == Requirement.REQUIRED || (d.requirement() == Requirement.ONE_OF && !identityDone)) {
                toCheck.add(d.type());
                identityDone |= d.requirement() == Requirement.ONE_OF;
            }
        }
        for (DocumentType t : toCheck) { // 2-5: V on each document the checklist moves to
            waitFor("the checklist on " + t, STEP, this::selectedDocument, messages.name(t)::equals);
            key(KeyEvent.VK_V);
            count.run();
        }
        waitFor("the checklist is complete", STEP, () -> textOf("case.message"), messages.get("counter.checklist.complete")::equals);
        key(KeyEvent.VK_ENTER); // 6: finish the check
        count.run();
        waitForCase("A-001", CaseStatus.VERIFIED);
        waitUntilFocused("the interview button", "case.interview");
        key(KeyEvent.VK_ENTER); // 7: interview passed, no dialog
        count.run();
        waitForCase("A-001", CaseStatus.INTERVIEWED);
        waitUntilFocused("the approve button", "case.approve");
        key(KeyEvent.VK_ENTER); // 8: approve
        count.run();
        waitForCase("A-001", CaseStatus.APPROVED);
        waitUntilFocused("the issue-receipt button", "case.issue_receipt");
        key(KeyEvent.VK_ENTER); // 9: issue the receipt, the preview opens
        count.run();
        waitForPreview();
        key(KeyEvent.VK_ENTER); // 10: Enter in the preview prints (Print is its default button)
        count.run();
        waitFor("the receipt went to the printer or was saved as a PDF", Duration.ofSeconds(30), () -> textOf("scan.idle"),
                t -> t.contains("Tanda terima dikirim ke printer") || t.contains("PDF"));
        waitForCase("A-001", CaseStatus.RECEIPT_ISSUED);
        assertThat(app.receipts(app.clock()).slip(reader(), caseOf(booking).caseRef()).receipt().receiptNumber()).startsWith("TT-DPS-");
        assertThat(keys[0]).as("keys from scan to printed receipt").isLessThanOrEqualTo(10).isEqualTo(toCheck.size() + 6);
    }

    @Test
    void aCheckInMadeByMistakeIsUndoneWithEscAndCentralNeverHearsOfIt() throws Exception {
        openDesk("1");
        logIn(OFFICER);
        waitForQueue();
        Appointment booking = booked(a -> a.service() == ServiceType.RENEWAL && adult(a)).get(0);
        waitUntilFocused("the scan field after login", "scan.field");
        robot.enterText(booking.bookingCode());
        key(KeyEvent.VK_ENTER);
        waitFor("checked in at once", STEP, () -> textOf("scan.checkedIn.number"), "A-001"::equals);
        String caseRef = caseOf(booking).caseRef();
        key(KeyEvent.VK_ESCAPE);
        waitFor("the scan bar says it was undone", STEP, () -> textOf("scan.idle"), t -> t.contains("A-001") && t.contains("dibatalkan"));
        assertThat(app.cases().findByAppointment(reader(), booking.id())).isEmpty();
        assertThat(app.cases().history(reader(), caseRef)).extracting(h -> h.action().name()).containsExactly("CHECK_IN", "UNDO_CHECK_IN");
        // Scanned again: a new number, the undone one is not given twice.
        robot.enterText(booking.bookingCode());
        key(KeyEvent.VK_ENTER);
        waitFor("checked in again with the next number", STEP, () -> textOf("scan.checkedIn.number"), "A-002"::equals);
    }

    @Test
    void lostPassportWaitsForTheSupervisorWhoApprovesItAtTheSameDesk() throws Exception {
        openDesk("2");
        logIn(OFFICER);
        waitForQueue();
        Appointment booking = booked(a -> a.service() == ServiceType.REPLACEMENT_LOST && adult(a)).get(0);

        scanAndCheckIn(booking, "A-001");
        key(KeyEvent.VK_F6);
        waitForCase("A-001", CaseStatus.IN_VERIFICATION);
        waitUntilFocused("the checklist", "case.checklist");
        assertThat(caseOf(booking).documents()).extracting(DocumentCheck::type).contains(DocumentType.POLICE_LOSS_REPORT);
        assertThat(stepLabels()).contains("APPROVAL");
        markEverythingVerifiedExcept(caseOf(booking), null);
        key(KeyEvent.VK_ENTER); // a complete checklist: Enter finishes the check
        waitForCase("A-001", CaseStatus.VERIFIED);
        waitUntilFocused("the interview button", "case.interview");
        key(KeyEvent.VK_ENTER); // passed: one key, no dialog
        waitForCase("A-001", CaseStatus.APPROVAL_PENDING);

        // The officer cannot approve: the button is there but disabled, and Ctrl+A does nothing.
        JButton approve = component("case.approve", JButton.class);
        assertThat(GuiActionRunner.execute(approve::isShowing)).isTrue();
        assertThat(GuiActionRunner.execute(approve::isEnabled)).isFalse();
        assertThat(textOf("case.banner")).contains("Menunggu persetujuan supervisor");
        key(KeyEvent.VK_A, InputEvent.CTRL_DOWN_MASK);
        robot.waitForIdle();
        Pause.pause(500);
        assertThat(caseOf(booking).status()).isEqualTo(CaseStatus.APPROVAL_PENDING);

        // The supervisor comes to this desk: the officer logs out, the supervisor logs in.
        key(KeyEvent.VK_L, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK);
        logIn(SUPERVISOR);
        waitForQueue();
        key(KeyEvent.VK_F, InputEvent.CTRL_DOWN_MASK);
        waitUntilFocused("the queue's search", "queue.search");
        robot.enterText(booking.bookingCode());
        key(KeyEvent.VK_ENTER);
        waitUntilFocused("the queue", "queue.table");
        key(KeyEvent.VK_ENTER);
        waitForCase("A-001", CaseStatus.APPROVAL_PENDING);
        waitUntilFocused("the approve button, now enabled", "case.approve");
        assertThat(textOf("case.banner")).contains("Menunggu persetujuan Anda");
        key(KeyEvent.VK_ENTER);

        waitForCase("A-001", CaseStatus.APPROVED);
        CaseFile approved = caseOf(booking);
        assertThat(approved.approvedBy()).isEqualTo(SUPERVISOR);
        assertThat(app.cases().events(reader(), approved.caseRef())).extracting(OutboxEvent::type)
                .containsExactly(EventType.CHECKED_IN, EventType.DOCUMENTS_VERIFIED, EventType.INTERVIEWED,
                        EventType.APPROVAL_REQUESTED, EventType.APPROVED);
        assertThat(stepState("APPROVAL")).isEqualTo("DONE");
    }

    @Test
    void minorWithoutTheMothersEKtpGoesOnHoldAndIsResumedByScanningTheCodeAgain() throws Exception {
        openDesk("4");
        logIn(OFFICER);
        waitForQueue();
        Appointment booking = booked(a -> !a.applicant().guardians().isEmpty() && !adult(a) && !a.applicant().married()
                && (a.service() == ServiceType.NEW || a.service() == ServiceType.RENEWAL)).get(0);

        scanAndCheckIn(booking, "A-001");
        key(KeyEvent.VK_F6);
        waitForCase("A-001", CaseStatus.IN_VERIFICATION);
        waitUntilFocused("the checklist", "case.checklist");
        assertThat(textOf("case.identity.age")).contains("anak");
        markEverythingVerifiedExcept(caseOf(booking), DocumentType.MOTHER_E_KTP);
        key(KeyEvent.VK_ENTER, InputEvent.CTRL_DOWN_MASK);

        waitForCase("A-001", CaseStatus.ON_HOLD);
        // The on-hold slip's preview opens by itself; the applicant takes it home (Esc: not printed now).
        waitForPreview();
        key(KeyEvent.VK_ESCAPE);
        CaseFile held = caseOf(booking);
        assertThat(held.holdReturnBy()).isEqualTo(today.plusDays(7));
        assertThat(textOf("case.banner")).contains(messages.name(DocumentType.MOTHER_E_KTP))
                .contains(Dates.longDate(today.plusDays(7), messages.locale()));
        assertThat(stepState("VERIFICATION")).isEqualTo("HELD");
        waitUntilFocused("the scan field", "scan.field");

        // The mother comes back with her e-KTP: the same code, scanned again.
        key(KeyEvent.VK_F2);
        robot.enterText(booking.bookingCode());
        key(KeyEvent.VK_ENTER);
        waitUntilFocused("the resume button", "scan.found.ok");
        assertThat(textOf("scan.found.details")).contains(messages.name(DocumentType.MOTHER_E_KTP));
        key(KeyEvent.VK_ENTER);
        waitForCase("A-001", CaseStatus.IN_VERIFICATION);
        waitUntilFocused("the checklist", "case.checklist");
        assertThat(selectedDocument()).isEqualTo(messages.name(DocumentType.MOTHER_E_KTP));
        key(KeyEvent.VK_V);
        key(KeyEvent.VK_ENTER);

        waitForCase("A-001", CaseStatus.VERIFIED);
        assertThat(caseOf(booking).counter()).isEqualTo("4");
        assertThat(app.cases().events(reader(), held.caseRef())).extracting(OutboxEvent::type)
                .containsExactly(EventType.CHECKED_IN, EventType.PUT_ON_HOLD, EventType.DOCUMENTS_VERIFIED);
    }

    @Test
    void printedPassportsAreMarkedReadyAndHandedOverByScanningTheReceipt() throws Exception {
        openDesk("5");
        logIn(OFFICER);
        waitForQueue();
        Appointment booking = booked(a -> a.service() == ServiceType.RENEWAL && adult(a) && paid(a)).get(0);
        String receipt = receiptIssuedBehindTheScenes(booking);

        // Scanned before the passport is ready: refused in words, nothing changes.
        key(KeyEvent.VK_F2);
        waitUntilFocused("the scan field", "scan.field");
        robot.enterText(receipt);
        key(KeyEvent.VK_ENTER);
        waitFor("the refusal", STEP, () -> textOf("scan.message"), t -> t.contains(receipt));
        assertThat(caseOf(booking).status()).isEqualTo(CaseStatus.RECEIPT_ISSUED);

        // The printed passports arrive: F9, the receipt scanned, Esc.
        key(KeyEvent.VK_F9);
        waitUntilFocused("the mark-ready scan field", "markReady.scan");
        robot.enterText(receipt);
        key(KeyEvent.VK_ENTER);
        waitFor("the case marked ready", STEP, () -> caseOf(booking).status(), CaseStatus.READY_FOR_PICKUP::equals);
        waitFor("the dialog says so", STEP, () -> textOf("markReady.status"), t -> t.contains(receipt));
        key(KeyEvent.VK_ESCAPE);
        waitUntilFocused("the scan field", "scan.field");

        // The applicant comes back with the receipt: its QR scanned, the passport number typed, Enter.
        key(KeyEvent.VK_F2);
        robot.enterText(receipt);
        key(KeyEvent.VK_ENTER);
        waitUntilFocused("the passport number", "handOver.passport");
        robot.enterText("x1234567");
        key(KeyEvent.VK_ENTER);
        waitForPreview();
        waitForCase("A-001", CaseStatus.HANDED_OVER);
        key(KeyEvent.VK_ESCAPE);
        waitUntilFocused("the scan field", "scan.field");
        CaseFile handed = caseOf(booking);
        assertThat(app.cases().events(reader(), handed.caseRef())).extracting(OutboxEvent::type)
                .endsWith(EventType.RECEIPT_ISSUED, EventType.READY_FOR_PICKUP, EventType.HANDED_OVER);
        assertThat(app.receipts(app.clock()).slip(reader(), handed.caseRef()).receipt().passportNumber()).isEqualTo("X1234567");
        waitFor("the banner says to whom", STEP, () -> textOf("case.banner"), t -> t.contains("X1234567")
                && t.contains(booking.applicant().fullName()));

        // The same receipt again: already handed over, said in words.
        key(KeyEvent.VK_F2);
        robot.enterText(receipt);
        key(KeyEvent.VK_ENTER);
        waitFor("the refusal", STEP, () -> textOf("scan.message"), t -> t.contains("sudah diserahkan"));
    }

    @Test
    void aStepAtAnotherCounterRedrawsItsLineFromAReadOfThatCaseAloneNotOfTheDay() throws Exception {
        openDesk("3");
        logIn(OFFICER);
        waitForQueue();
        sim.goDown(); // no pull brings booking changes meanwhile (a pull reads the day, rightly)
        id.loket.counter.ui.CounterScreen screen = component("counter.screen", id.loket.counter.ui.CounterScreen.class);
        JTable table = component("queue.table", JTable.class);
        waitFor("the opening reads done", STEP, () -> GuiActionRunner.execute(() -> screen.queueReload().busy()), Boolean.FALSE::equals);
        Appointment booking = booked(a -> true).get(7);
        Clock clock = app.clock();
        Session other = TestSessions.staff("petugas2", Role.COUNTER, "5");
        TestSessions.register(app.caseWork(clock).db(), other);
        int daysBefore = screen.queueReads().dayReads();
        int casesBefore = screen.queueReads().caseReads();

        String number = app.checkIn(clock).checkIn(booking.id(), other).queueNumber().toString();

        waitFor("the booking's line shows its queue number", STEP, () -> cellOf(table, booking.bookingCode(), number), Boolean.TRUE::equals);
        assertThat(screen.queueReads().dayReads()).as("the day was not read again").isEqualTo(daysBefore);
        assertThat(screen.queueReads().caseReads()).as("the case was read").isGreaterThan(casesBefore);

        app.checkIn(clock).call(booking.id(), other);
        String atCounter = messages.name(CaseStatus.IN_VERIFICATION);
        waitFor("the line shows the case called", STEP, () -> cellOf(table, booking.bookingCode(), atCounter), Boolean.TRUE::equals);
        assertThat(screen.queueReads().dayReads()).as("still not the day").isEqualTo(daysBefore);
        assertThat(GuiActionRunner.execute(table::getRowCount)).as("every line still there").isGreaterThanOrEqualTo(PER_DAY);
    }

    /** Whether the queue's line of {@code code} holds {@code text} in one of its columns (shown or not). */
    private static boolean cellOf(JTable table, String code, String text) {
        return GuiActionRunner.execute(() -> {
            javax.swing.table.TableModel m = table.getModel();
            for (int r = 0; r < m.getRowCount(); r++) {
                boolean line = false;
                boolean shown = false;
                for (int c = 0; c < m.getColumnCount(); c++) {
                    String v = String.valueOf(m.getValueAt(r, c));
                    line |= v.equals(code);
                    shown |= v.equals(text);
                }
                if (line) {
                    return shown;
                }
            }
            return false;
        });
    }

    /** Checks in, verifies, interviews, approves and issues the receipt through the services, as another counter would. */
    private String receiptIssuedBehindTheScenes(Appointment booking) {
        Clock clock = app.clock();
        Session other = TestSessions.staff("petugas1", Role.COUNTER, "5");
        TestSessions.register(app.caseWork(clock).db(), other);
        app.checkIn(clock).checkIn(booking.id(), other);
        CaseFile c = app.checkIn(clock).call(booking.id(), other);
        boolean identityDone = false;
        for (DocumentCheck d : c.documents()) {
            if (d.requirement() == Requirement.REQUIRED || (d.requirement() == Requirement.ONE_OF && !identityDone)) {
                app.verification(clock).recordDocument(c.caseRef(), other, d.type(), DocumentResult.VERIFIED, null);
                identityDone |= d.requirement() == Requirement.ONE_OF;
            }
        }
        app.verification(clock).finish(c.caseRef(), other);
        app.verification(clock).interview(c.caseRef(), other, id.loket.casefile.model.InterviewOutcome.PASSED, null);
        app.verification(clock).approve(c.caseRef(), other);
        return app.receipts(clock).issue(c.caseRef(), other).receipt().receiptNumber();
    }

    // ---- steps ----

    private void logIn(String username) {
        window.textBox("login.username").enterText(username);
        window.textBox("login.password").enterText(PASSWORD);
        Gui.submitSignIn(window.textBox("login.password"));
        JComponent screen = component("counter.screen", JComponent.class);
        waitFor("the counter screen after login", Duration.ofSeconds(20), () -> GuiActionRunner.execute(screen::isShowing), Boolean.TRUE::equals);
    }

    private void waitForQueue() {
        JTable table = component("queue.table", JTable.class);
        waitFor("the day's queue", FIRST_PULL, () -> GuiActionRunner.execute(table::getRowCount), n -> n >= PER_DAY);
    }

    private void scanAndCheckIn(Appointment booking, String expectedNumber) {
        key(KeyEvent.VK_F2);
        waitUntilFocused("the scan field", "scan.field");
        robot.enterText(booking.bookingCode());
        key(KeyEvent.VK_ENTER); // the scanner's Enter: today's booking checks in at once
        waitFor("the queue number", STEP, () -> textOf("scan.checkedIn.number"), expectedNumber::equals);
        waitUntilFocused("the scan field", "scan.field");
    }

    /**
     * Marks, in the checklist's own order, every document that needs a look: V, or X for
     * {@code missing}. Before each key the selection must be on that document: the checklist
     * moves on by itself.
     */
    private void markEverythingVerifiedExcept(CaseFile c, DocumentType missing) {
        List<DocumentType> toCheck = new ArrayList<>();
        boolean identityDone = false;
        for (DocumentCheck d : c.documents()) {
            if (d.requirement() == Requirement.REQUIRED || (d.requirement() == Requirement.ONE_OF && !identityDone)) {
                toCheck.add(d.type());
                identityDone |= d.requirement() == Requirement.ONE_OF;
            }
        }
        for (DocumentType t : toCheck) {
            waitFor("the checklist on " + t, STEP, this::selectedDocument, messages.name(t)::equals);
            key(t == missing ? KeyEvent.VK_X : KeyEvent.VK_V);
        }
        String complete = messages.get("counter.checklist.complete");
        waitFor("the checklist says it is complete", STEP, () -> textOf("case.message"), complete::equals);
    }

    private void waitForCase(String number, CaseStatus status) {
        waitFor("the case panel shows " + number + " " + status, STEP,
                () -> textOf("case.number") + " " + textOf("case.status"), (number + " " + messages.name(status))::equals);
    }

    // ---- reading the screen ----

    private CaseFile caseOf(Appointment booking) {
        return app.cases().findByAppointment(reader(), booking.id()).orElseThrow();
    }

    private List<Appointment> booked(Predicate<Appointment> which) {
        List<Appointment> found = sim.store().latest(OFFICE, today).stream()
                .filter(a -> a.status() == AppointmentStatus.BOOKED).filter(which).toList();
        assertThat(found).as("bookings of the day that fit").isNotEmpty();
        return found;
    }

    private static boolean paid(Appointment a) {
        return a.payment() != null && a.payment().status() == id.loket.appointment.model.PaymentStatus.PAID;
    }

    private void waitForPreview() {
        waitFor("the print preview with its page", Duration.ofSeconds(30), () -> {
            JLabel page = robot.finder().findByName("printPreview.page", JLabel.class, true);
            JButton print = robot.finder().findByName("printPreview.print", JButton.class, true);
            return GuiActionRunner.execute(() -> page.getIcon() != null && print.isEnabled());
        }, Boolean.TRUE::equals);
    }

    private boolean adult(Appointment a) {
        return a.applicant().guardians().isEmpty() && Period.between(a.applicant().birthDate(), a.date()).getYears() >= 17;
    }

    private String selectedDocument() {
        JTable t = component("case.checklist", JTable.class);
        return GuiActionRunner.execute(() -> t.getSelectedRow() < 0 ? null : String.valueOf(t.getValueAt(t.getSelectedRow(), 0)));
    }

    private String stepState(String step) {
        JLabel l = component("case.step." + step, JLabel.class);
        return GuiActionRunner.execute(() -> String.valueOf(l.getClientProperty("state")));
    }

    private List<String> stepLabels() {
        return GuiActionRunner.execute(() -> robot.finder().findAll(window.target(), new GenericTypeMatcher<>(JLabel.class, true) {
            @Override
            protected boolean isMatching(JLabel l) {
                return l.getName() != null && l.getName().startsWith("case.step.");
            }
        }).stream().map(l -> l.getName().substring("case.step.".length())).toList());
    }

    private String textOf(String name) {
        Component c = robot.finder().find(new GenericTypeMatcher<>(Component.class, true) {
            @Override
            protected boolean isMatching(Component x) {
                return name.equals(x.getName());
            }
        });
        return GuiActionRunner.execute(() -> {
            if (c instanceof JLabel l) {
                return l.getText();
            }
            if (c instanceof JTextComponent t) {
                return t.getText();
            }
            if (c instanceof JButton b) {
                return b.getText();
            }
            return String.valueOf(c);
        });
    }

    private <T extends Component> T component(String name, Class<T> type) {
        return robot.finder().findByName(name, type, false);
    }

    /**
     * Presses a key as the officer does, with modifiers given as {@code InputEvent.*_DOWN_MASK};
     * AssertJ Swing's robot reads the older {@code *_MASK} values, so they are translated here.
     */
    private void key(int keyCode, int... modifiers) {
        Gui.key(robot, keyCode, modifiers);
    }

    private void waitUntilFocused(String what, String name) {
        Gui.waitUntilFocused(what, name, STEP);
    }


    /** A supervisor's session on the test's database, to read what the desk wrote. */
    private Session reader() {
        return TestSessions.reader(app.caseWork(Clock.systemUTC()).db());
    }
}
