package id.loket.pickup.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.timing.Pause.pause;

import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.Person;
import id.loket.common.i18n.Messages;
import id.loket.pickup.service.PickupService.PickupCase;
import id.loket.receipt.model.CollectedBy;
import id.loket.receipt.model.Receipt;
import id.loket.receipt.model.ReceiptNumber;
import id.loket.testing.Gui;
import java.awt.Component;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JTextComponentFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The handover form under a real (virtual) display: who collects, the representative's NIK refused in words, a very long name. */
class HandOverDialogGuiTest {

    private static final Messages EN = Messages.forLanguage("en");
    private static final ZoneId ZONE = ZoneId.of("Asia/Makassar");
    private static final String NIK = "5171014107900003";
    private static final String REPRESENTATIVE_NIK = "5171010101900001";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private Robot robot;
    private DialogFixture dialog;
    private final CompletableFuture<Optional<HandOverDialog.Answer>> result = new CompletableFuture<>();

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
    }

    /** A case ready for pickup, as PickupService.findByReceipt answers it. */
    static PickupCase ready(String fullName) {
        LocalDate day = LocalDate.of(2026, 11, 27);
        CaseFile c = new CaseFile("c-1", "DPS", day, "c-1", false, null, CaseStatus.READY_FOR_PICKUP, ServiceType.RENEWAL,
                PassportType.ELECTRONIC, 10, "08:00", null, new Person(NIK, fullName, LocalDate.of(1990, 7, 1), "Denpasar", Sex.F, false),
                "3", "petugas1", OffsetDateTime.parse("2026-11-27T08:10:00+08:00"), null, false, null, null, null, null, null, null,
                null, null, null, null, "1234567890ABCDEF", true, null, 1);
        Receipt r = Receipt.issued("c-1", ReceiptNumber.parse("TT-DPS-20261127-0001"), LocalDate.of(2026, 12, 3),
                OffsetDateTime.parse("2026-11-27T09:00:00+08:00"), "petugas1", "Putu Ayu Lestari", 350_000, null, "1234567890ABCDEF")
                .ready(OffsetDateTime.parse("2026-12-02T06:15:00Z"));
        return new PickupCase(c, r);
    }

    private void open(PickupCase pickup) {
        robot = BasicRobot.robotWithNewAwtHierarchy();
        SwingUtilities.invokeLater(() -> result.complete(HandOverDialog.ask(null, EN, pickup, ZONE)));
        dialog = WindowFinder.findDialog("handOver").withTimeout(10_000).using(robot);
        dialog.requireVisible();
        awaitFocus(dialog.textBox("handOver.passport"));
    }

    private void awaitFocus(JTextComponentFixture field) {
        pause(new Condition("focus in " + field.target().getName()) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> field.target().isFocusOwner());
            }
        }, Timeout.timeout(10_000));
    }

    /**
     * Clicks a "who collects" choice until the representative's fields follow it
     * ({@code representative}: enabled); a click a loaded Xvfb lost shows in the unchanged fields.
     */
    private void choose(String radio, boolean representative) throws InterruptedException {
        Gui.clickUntil(dialog.radioButton(radio), radio,
                () -> GuiActionRunner.execute(() -> dialog.textBox("handOver.repName").target().isEnabled()) == representative, WAIT);
    }

    /** Presses OK until the dialog answers with {@code expected} (a click it lost leaves the earlier line). */
    private void okUntilProblem(String expected) throws InterruptedException {
        Gui.clickUntil(dialog.button("handOver.ok"), "OK, then: " + expected, () -> expected.equals(problem()), WAIT);
    }

    private String problem() {
        return dialog.label("handOver.problem").text();
    }

    @Test
    void theApplicantCollectsAndTheAnswerHasTheNormalizedPassportNumber() throws Exception {
        open(ready("Ni Made Ayu Lestari"));
        assertThat(dialog.label("handOver.receiptNumber").text()).isEqualTo("TT-DPS-20261127-0001");
        assertThat(dialog.label("handOver.applicant").text()).contains("Ni Made Ayu Lestari");
        assertThat(dialog.label("handOver.nik").text()).isEqualTo("************0003");
        assertThat(dialog.label("handOver.service").text()).isEqualTo("Renewal (expired) · Electronic passport");
        assertThat(dialog.label("handOver.pickupDate").text()).isEqualTo("Thursday, 3 December 2026");
        assertThat(dialog.label("handOver.readyAt").text()).isEqualTo("Dec 2, 2026, 14:15");
        dialog.radioButton("handOver.self").requireSelected();
        dialog.textBox("handOver.repName").requireDisabled();
        dialog.textBox("handOver.repNik").requireDisabled();

        // A scanner types into the field that has the cursor, and ends with Enter.
        dialog.textBox("handOver.passport").enterText("x 1234567");
        Gui.pressUntil(dialog.textBox("handOver.passport"), KeyEvent.VK_ENTER, "Enter, then the answer", result::isDone, WAIT);

        assertThat(result.get(10, TimeUnit.SECONDS)).contains(new HandOverDialog.Answer(CollectedBy.SELF, null, null, "X1234567"));
    }

    @Test
    void aRepresentativeWithAnInvalidNikIsRefusedInWordsAndTheDialogStaysOpen() throws Exception {
        open(ready("I Wayan Sudarma"));
        dialog.textBox("handOver.passport").enterText("B7654321");

        choose("handOver.representative", true);
        dialog.textBox("handOver.repNik").requireEnabled();
        okUntilProblem("Enter the representative's name.");
        awaitFocus(dialog.textBox("handOver.repName"));

        dialog.textBox("handOver.repName").enterText("  Made Wirawan ");
        okUntilProblem("Enter the representative's NIK.");
        awaitFocus(dialog.textBox("handOver.repNik"));

        String badNik = "9971010101900001"; // no province 99
        dialog.textBox("handOver.repNik").enterText(badNik);
        String refused = "The representative's NIK is not valid: The NIK's province code is unknown (************0001).";
        Gui.pressUntil(dialog.textBox("handOver.repNik"), KeyEvent.VK_ENTER, "Enter, then: " + refused, () -> refused.equals(problem()), WAIT);
        assertThat(problem()).isEqualTo(refused).doesNotContain(badNik);
        awaitFocus(dialog.textBox("handOver.repNik"));
        assertThat(dialog.target().isShowing()).isTrue();
        assertThat(result).isNotDone();

        dialog.textBox("handOver.repNik").deleteText().enterText(REPRESENTATIVE_NIK);
        dialog.textBox("handOver.passport").deleteText().enterText("7654321");
        okUntilProblem("A passport number is one letter and seven digits, e.g. X1234567.");
        awaitFocus(dialog.textBox("handOver.passport"));
        assertThat(result).isNotDone();

        dialog.textBox("handOver.passport").deleteText().enterText("b7654321");
        Gui.clickUntil(dialog.button("handOver.ok"), "hand over", result::isDone, WAIT);
        assertThat(result.get(10, TimeUnit.SECONDS))
                .contains(new HandOverDialog.Answer(CollectedBy.REPRESENTATIVE, "Made Wirawan", REPRESENTATIVE_NIK, "B7654321"));
    }

    @Test
    void switchingBackToTheApplicantDropsTheRepresentativeAndEscCancels() throws Exception {
        open(ready("Kadek Sari"));
        choose("handOver.representative", true);
        dialog.textBox("handOver.repName").enterText("Made Wirawan");
        choose("handOver.self", false);
        dialog.textBox("handOver.repName").requireDisabled();
        dialog.textBox("handOver.passport").enterText("A1234567");
        Gui.pressUntil(dialog.textBox("handOver.passport"), KeyEvent.VK_ESCAPE, "Esc, then no answer", result::isDone, WAIT);
        assertThat(result.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void aTwoHundredCharacterNameIsShownWholeWithoutWideningTheDialog() throws Exception {
        StringBuilder b = new StringBuilder("Ni Luh Putu Ayu D'Angelo Śrī Wéndra Gustí Ngurah");
        while (b.length() < 200) {
            b.append(" Ñyoman Çahya O'Brien");
        }
        String name = b.substring(0, 200).strip();
        open(ready(name));

        JLabel applicant = dialog.label("handOver.applicant").target();
        javax.swing.JDialog d = (javax.swing.JDialog) dialog.target();
        int[] sizes = GuiActionRunner.execute(() -> {
            Rectangle shown = SwingUtilities.convertRectangle(applicant.getParent(), applicant.getBounds(), d.getContentPane());
            Component ok = dialog.button("handOver.ok").target();
            Rectangle okShown = SwingUtilities.convertRectangle(ok.getParent(), ok.getBounds(), d.getContentPane());
            return new int[] {d.getWidth(), applicant.getHeight(), applicant.getPreferredSize().height,
                    applicant.getFontMetrics(applicant.getFont()).getHeight(), shown.x + shown.width,
                    d.getContentPane().getWidth(), okShown.x + okShown.width, okShown.y + okShown.height,
                    d.getContentPane().getHeight()};
        });
        assertThat(sizes[0]).as("dialog width").isLessThan(800);
        assertThat(sizes[1]).as("label height: the whole wrapped name").isGreaterThanOrEqualTo(sizes[2]);
        assertThat(sizes[1]).as("the name wraps over several lines").isGreaterThan(2 * sizes[3]);
        assertThat(sizes[4]).as("name inside the dialog").isLessThanOrEqualTo(sizes[5]);
        assertThat(sizes[6]).as("OK inside the dialog").isLessThanOrEqualTo(sizes[5]);
        assertThat(sizes[7]).as("OK inside the dialog").isLessThanOrEqualTo(sizes[8]);
        assertThat(GuiActionRunner.execute(() -> applicant.getToolTipText())).isEqualTo(name);
        assertThat(dialog.label("handOver.applicant").text()).contains("D'Angelo Śrī Wéndra").contains("O'Brien");

        dialog.textBox("handOver.passport").enterText("X7654321");
        Gui.clickUntil(dialog.button("handOver.ok"), "hand over", result::isDone, WAIT);
        assertThat(result.get(10, TimeUnit.SECONDS)).contains(new HandOverDialog.Answer(CollectedBy.SELF, null, null, "X7654321"));
    }
}
