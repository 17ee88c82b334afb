package id.loket.pickup.ui;

import static id.loket.testing.OfficeFixture.OFFICER;
import static id.loket.testing.OfficeFixture.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.timing.Pause.pause;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.PaymentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.InterviewOutcome;
import id.loket.casefile.model.Requirement;
import id.loket.common.i18n.Messages;
import id.loket.pickup.service.PickupService;
import id.loket.receipt.model.Receipt;
import id.loket.receipt.model.ReceiptNumber;
import id.loket.testing.Gui;
import id.loket.testing.OfficeFixture;
import id.loket.verification.service.VerificationService;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.data.TableCell;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Marking passports ready under a real (virtual) display, against the real pickup service on a real H2 file. */
class MarkReadyDialogGuiTest {

    private static final Messages EN = Messages.forLanguage("en");

    @TempDir
    Path dir;

    private OfficeFixture office;
    private Robot robot;
    private DialogFixture dialog;
    private final CompletableFuture<Integer> result = new CompletableFuture<>();

    @BeforeAll
    static void checkEdtUse() {
        FailOnThreadViolationRepaintManager.install();
    }

    @AfterAll
    static void stopCheckingEdtUse() {
        FailOnThreadViolationRepaintManager.uninstall();
    }

    @AfterEach
    void cleanUp() {
        if (dialog != null) {
            dialog.cleanUp();
        } else if (robot != null) {
            robot.cleanUp();
        }
        if (office != null) {
            office.close();
        }
    }

    private PickupService pickup() {
        return office.app().pickup(office.app().clock());
    }

    /** A paid adult's case taken through verification, interview and approval, and its receipt issued: its number. */
    private String receiptIssued(Appointment booking) {
        office.checkIn().checkIn(booking.id(), OFFICER);
        CaseFile c = office.checkIn().call(booking.id(), OFFICER);
        VerificationService v = office.verification();
        boolean identityDone = false;
        for (DocumentCheck d : c.documents()) {
            if (d.requirement() == Requirement.REQUIRED || (d.requirement() == Requirement.ONE_OF && !identityDone)) {
                v.recordDocument(c.caseRef(), OFFICER, d.type(), DocumentResult.VERIFIED, null);
                identityDone |= d.requirement() == Requirement.ONE_OF;
            }
        }
        v.finish(c.caseRef(), OFFICER);
        CaseFile interviewed = v.interview(booking.id(), OFFICER, InterviewOutcome.PASSED, null);
        v.approve(booking.id(), interviewed.status() == CaseStatus.APPROVAL_PENDING ? SUPERVISOR : OFFICER);
        return office.app().receipts(office.app().clock()).issue(booking.id(), OFFICER).receipt().receiptNumber();
    }

    private List<Appointment> paidAdults() {
        return office.booked(a -> a.payment() != null && a.payment().status() == PaymentStatus.PAID
                && a.applicant().guardians().isEmpty() && a.service() == ServiceType.RENEWAL).subList(0, 2);
    }

    private void open(Supplier<List<Receipt>> waiting, Function<String, PickupService.PickupCase> markReady) {
        robot = BasicRobot.robotWithNewAwtHierarchy();
        SwingUtilities.invokeLater(() -> result.complete(MarkReadyDialog.show(null, EN, waiting, markReady)));
        dialog = WindowFinder.findDialog("markReady").withTimeout(10_000).using(robot);
        dialog.requireVisible();
    }

    /** Whether {@code test} comes true within {@code millis}. */
    private static boolean within(long millis, java.util.function.BooleanSupplier test) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            if (test.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return test.getAsBoolean();
    }

    private void await(String what, java.util.function.BooleanSupplier test) {
        pause(new Condition(what) {
            @Override
            public boolean test() {
                return test.getAsBoolean();
            }

            @Override
            protected String descriptionAddendum() {
                return " status: " + dialog.label("markReady.status").text() + ", rows: " + dialog.table("markReady.table").rowCount();
            }
        }, Timeout.timeout(20_000));
    }

    private void awaitScanFocused() {
        await("scan field focused", () -> GuiActionRunner.execute(() -> dialog.textBox("markReady.scan").target().isFocusOwner()));
    }

    private void scan(String receiptNumber) {
        awaitScanFocused();
        dialog.textBox("markReady.scan").enterText(receiptNumber);
        dialog.textBox("markReady.scan").pressAndReleaseKeys(KeyEvent.VK_ENTER);
    }

    private String status() {
        return dialog.label("markReady.status").text();
    }

    @Test
    void aScannedReceiptIsMarkedReadyAndLeavesTheListAnUnknownOneIsRefusedInWords() throws Exception {
        office = new OfficeFixture(dir);
        List<Appointment> bookings = paidAdults();
        String one = receiptIssued(bookings.get(0));
        String two = receiptIssued(bookings.get(1));
        List<String> calledOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        open(() -> {
            calledOn.add(Thread.currentThread().getName());
            return pickup().waitingForPassport(OFFICER, "DPS");
        }, n -> {
            calledOn.add(Thread.currentThread().getName());
            return pickup().markReady(n, OFFICER);
        });
        await("the list loaded", () -> dialog.table("markReady.table").rowCount() == 2);
        assertThat(dialog.table("markReady.table").contents()).isDeepEqualTo(new String[][] {
                {one, "Nov 27, 2026", "Dec 3, 2026"}, {two, "Nov 27, 2026", "Dec 3, 2026"}});
        assertThat(dialog.label("markReady.waiting").text()).isEqualTo("Waiting for the passport (2):");

        scan(one);

        String name = bookings.get(0).applicant().fullName();
        await("marked", () -> status().equals(one + " ready for pickup: " + name));
        assertThat(office.verification().get(OFFICER, bookings.get(0).id()).status()).isEqualTo(CaseStatus.READY_FOR_PICKUP);
        assertThat(office.verification().get(OFFICER, bookings.get(1).id()).status()).isEqualTo(CaseStatus.RECEIPT_ISSUED);
        await("the row left the list", () -> dialog.table("markReady.table").rowCount() == 1);
        assertThat(dialog.table("markReady.table").valueAt(TableCell.row(0).column(0))).isEqualTo(two);
        assertThat(dialog.label("markReady.waiting").text()).isEqualTo("Waiting for the passport (1):");
        dialog.textBox("markReady.scan").requireText("");
        awaitScanFocused();

        scan("TT-DPS-20261127-0042");
        await("refused", () -> status().equals("Receipt number TT-DPS-20261127-0042 not found."));
        assertThat(dialog.target().isShowing()).isTrue();
        assertThat(result).isNotDone();
        assertThat(dialog.table("markReady.table").rowCount()).isEqualTo(1);
        dialog.textBox("markReady.scan").requireText("");

        // The same passport again: refused in words, the case unchanged.
        scan(one.toLowerCase(java.util.Locale.ROOT));
        await("refused again", () -> status().startsWith("The step "));
        assertThat(status()).endsWith("cannot be taken while the case is \"Ready for pickup\".");
        assertThat(office.verification().get(OFFICER, bookings.get(0).id()).status()).isEqualTo(CaseStatus.READY_FOR_PICKUP);

        // A row chosen in the list, and Enter.
        // A click or an Enter a loaded Xvfb lost is given again, only while the row is still there and the case not yet
        // marked (a fresh-clone CI once lost all of three tries at a click, and a whole GUI run all four of a click and
        // Enter): a click that did not choose the row is followed by choosing it through Swing, so that every try
        // presses Enter on a chosen row, and the last try presses Mark through Swing.
        javax.swing.JTable rows = dialog.table("markReady.table").target();
        for (int tries = 0; tries < 4 && dialog.table("markReady.table").rowCount() == 1
                && office.verification().get(OFFICER, bookings.get(1).id()).status() == CaseStatus.RECEIPT_ISSUED; tries++) {
            dialog.table("markReady.table").selectRows(0);
            if (!within(3_000, () -> GuiActionRunner.execute(() -> rows.getSelectedRowCount()) == 1)) {
                GuiActionRunner.execute(() -> rows.setRowSelectionInterval(0, 0));
            }
            if (tries < 3) {
                dialog.table("markReady.table").pressAndReleaseKeys(KeyEvent.VK_ENTER);
            } else {
                javax.swing.JButton mark = (javax.swing.JButton) dialog.button("markReady.mark").target();
                GuiActionRunner.execute(() -> mark.doClick());
            }
            within(5_000, () -> dialog.table("markReady.table").rowCount() == 0
                    || office.verification().get(OFFICER, bookings.get(1).id()).status() != CaseStatus.RECEIPT_ISSUED);
        }
        await("the list is empty", () -> dialog.table("markReady.table").rowCount() == 0);
        assertThat(status()).isEqualTo(two + " ready for pickup: " + bookings.get(1).applicant().fullName());
        assertThat(office.verification().get(OFFICER, bookings.get(1).id()).status()).isEqualTo(CaseStatus.READY_FOR_PICKUP);
        assertThat(calledOn).isNotEmpty().allMatch("mark-ready"::equals);

        awaitScanFocused();
        Gui.pressUntil(dialog.textBox("markReady.scan"), KeyEvent.VK_ESCAPE, "Esc, then closed", result::isDone,
                java.time.Duration.ofSeconds(5));
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void anUnexpectedFailureIsShownInWordsAndTheMarkButtonMarksTheSelectedRows() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 27);
        OffsetDateTime at = OffsetDateTime.parse("2026-11-27T09:00:00+08:00");
        Receipt broken = Receipt.issued("c-1", ReceiptNumber.parse("TT-DPS-20261127-0001"), LocalDate.of(2026, 12, 3), at,
                "petugas1", "Putu Ayu Lestari", 350_000, null, null);
        Receipt other = Receipt.issued("c-2", ReceiptNumber.parse("TT-DPS-20261127-0002"), LocalDate.of(2026, 12, 3), at,
                "petugas1", "Putu Ayu Lestari", 350_000, null, null);
        open(() -> List.of(broken, other), n -> {
            throw new IllegalStateException("database gone");
        });
        await("the list loaded", () -> dialog.table("markReady.table").rowCount() == 2);

        dialog.table("markReady.table").selectRows(0, 1);
        // A click Xvfb lost under load is given again, only while the status proves nothing happened.
        for (int tries = 0; tries < 3 && !status().contains("An unexpected error occurred."); tries++) {
            selectBothRows(); // the row clicks can be lost too: the press below is for these two rows
            if (tries < 2) {
                dialog.button("markReady.mark").click();
            } else {
                // clicks keep missing (another window can lie over this one without a window manager): press it
                javax.swing.JButton mark = (javax.swing.JButton) dialog.button("markReady.mark").target();
                org.assertj.swing.edt.GuiActionRunner.execute(() -> mark.doClick());
            }
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(8);
            while (!status().contains("An unexpected error occurred.") && System.nanoTime() < until) {
                Thread.sleep(100);
            }
        }
        await("refused", () -> status().contains("An unexpected error occurred."));
        assertThat(status()).doesNotContain("database gone");
        assertThat(dialog.table("markReady.table").rowCount()).isEqualTo(2);
        assertThat(dialog.target().isShowing()).isTrue();

        Gui.clickUntil(dialog.button("markReady.close"), "Close", result::isDone, java.time.Duration.ofSeconds(5));
        assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
    }

    /** Both rows selected, through Swing when the clicks on them were lost. */
    private void selectBothRows() {
        javax.swing.JTable table = dialog.table("markReady.table").target();
        if (org.assertj.swing.edt.GuiActionRunner.execute(() -> table.getSelectedRowCount()) != 2) {
            org.assertj.swing.edt.GuiActionRunner.execute(() -> table.setRowSelectionInterval(0, 1));
        }
    }
}
