package id.loket.sync.ui;

import static id.loket.testing.OfficeFixture.OFFICER;
import static id.loket.testing.OfficeFixture.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.timing.Pause.pause;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.staff.model.Session;
import id.loket.testing.Gui;
import id.loket.testing.TestSessions;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.repo.OutboxRepository;
import id.loket.common.i18n.Messages;
import id.loket.common.model.Nik;
import id.loket.db.Database;
import id.loket.sync.model.Conflict;
import id.loket.casefile.model.OutboxEntry;
import id.loket.casefile.model.OutboxState;
import id.loket.sync.model.PushReport;
import id.loket.sync.model.Resolution;
import id.loket.sync.service.ConflictService;
import id.loket.sync.service.PushService;
import id.loket.sync.service.PushSettings;
import id.loket.sync.service.RetrySettings;
import id.loket.testing.OfficeFixture;
import id.loket.testing.SimulatedCentral;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.swing.SwingUtilities;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor's conflicts dialog under a real (virtual) display, with a real conflict: a
 * check-in pushed over HTTP to the simulator for a booking central has cancelled, on a real H2 file.
 */
class ConflictsDialogGuiTest {

    private static final Messages EN = Messages.forLanguage("en");

    @TempDir
    Path dir;

    private OfficeFixture office;
    private Database db;
    private ConflictService conflicts;
    private Appointment booking;
    private Robot robot;
    private DialogFixture dialog;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    @BeforeAll
    static void checkEdtUse() {
        FailOnThreadViolationRepaintManager.install();
    }

    @AfterAll
    static void stopCheckingEdtUse() {
        FailOnThreadViolationRepaintManager.uninstall();
    }

    @BeforeEach
    void aConflict() {
        office = new OfficeFixture(dir);
        db = office.app().caseWork(office.app().clock()).db();
        conflicts = new ConflictService(db, office.app().clock());
        booking = office.adult(ServiceType.RENEWAL);
        office.checkIn().checkIn(booking.id(), OFFICER);
        office.checkIn().call(booking.id(), OFFICER);
        office.central().store().update(booking.id(), a -> new Appointment(a.id(), a.version(), a.bookingCode(), a.office(), a.date(),
                a.slotStart(), a.slotEnd(), AppointmentStatus.CANCELLED, a.rescheduledTo(), a.service(), a.passportType(),
                a.validityYears(), a.sameDay(), a.applicant(), a.payment(), a.updatedAt()));
        PushReport report = push().pushOnce();
        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(push().unsent()).isNotEmpty().allMatch(e -> e.state() == OutboxState.HELD);
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

    /** Pushes once the check-ins' undo window is over (a check-in is held back from central until then). */
    private PushService push() {
        return new PushService(db, office.central().client(Duration.ofSeconds(5)),
                new RetrySettings(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5)),
                // the push runs once the counter's undo window is over: a check-in's event is held back until then
                Clock.offset(office.app().clock(), id.loket.checkin.service.CheckInService.UNDO_WINDOW.plusSeconds(1)), SimulatedCentral.OFFICE, EN, PushSettings.defaults(), TestSessions.system(db));
    }

    private void open(Session actor) {
        robot = BasicRobot.robotWithNewAwtHierarchy();
        SwingUtilities.invokeLater(() -> {
            ConflictsDialog.show(null, EN, conflicts, actor, SimulatedCentral.ZONE);
            closed.complete(null);
        });
        dialog = WindowFinder.findDialog("conflicts").withTimeout(10_000).using(robot);
        dialog.requireVisible();
    }

    private void await(String what, BooleanSupplier test) {
        pause(new Condition(what) {
            @Override
            public boolean test() {
                return test.getAsBoolean();
            }

            @Override
            protected String descriptionAddendum() {
                return " status: " + status() + ", summary: " + summary() + ", rows: " + rows();
            }
        }, Timeout.timeout(20_000));
    }

    private String status() {
        return dialog.label("conflicts.status").text();
    }

    private String summary() {
        return dialog.label("conflicts.summary").text();
    }

    private int rows() {
        // the list is hidden when empty: find it whether it shows or not
        return org.assertj.swing.edt.GuiActionRunner.execute(() -> dialog.robot().finder()
                .findByName(dialog.target(), "conflicts.table", javax.swing.JTable.class, false).getRowCount());
    }

    /** The note prompt: types the note (if any) and confirms with Enter. */
    /**
     * Gives the decision ({@code decide}: a key or a click) and answers the note it asks for. A
     * key or click a loaded Xvfb lost is given again, only while no note was asked and the
     * conflict is still listed (nothing happened).
     */
    private void decideWithNote(Runnable decide, String text) {
        DialogFixture prompt = null;
        for (int tries = 0; tries < 3 && prompt == null; tries++) {
            decide.run();
            try {
                prompt = WindowFinder.findDialog("conflicts.note").withTimeout(10_000).using(robot);
            } catch (org.assertj.swing.exception.WaitTimedOutError lost) {
                assertThat(rows()).as("nothing decided while no note was asked").isEqualTo(1);
            }
        }
        assertThat(prompt).as("the note asked for").isNotNull();
        note(prompt, text);
    }

    /** Esc closes the dialog; a key a loaded Xvfb lost is pressed again, only while the dialog is open. */
    private void closeWithEsc() throws InterruptedException {
        Gui.pressUntil(dialog, KeyEvent.VK_ESCAPE, "Esc, then closed", closed::isDone, java.time.Duration.ofSeconds(5));
    }

    private void note(DialogFixture prompt, String text) {
        prompt.requireVisible();
        if (text != null) {
            prompt.textBox("conflicts.note.field").enterText(text);
        }
        prompt.textBox("conflicts.note.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
    }

    private List<String> states() {
        return new OutboxRepository(db.dsl()).all().stream().filter(e -> e.caseRef().equals(booking.id())).map(OutboxEvent::state).toList();
    }

    @Test
    void theConflictIsListedWithBothSidesMaskedAndKeepingTheOfficeSendsItsEventsAgain() throws Exception {
        Conflict conflict = conflicts.open(SUPERVISOR).get(0);
        int held = conflicts.heldEvents(SUPERVISOR, conflict.id());
        assertThat(held).isPositive();
        open(SUPERVISOR);

        await("the list loaded", () -> rows() == 1);
        assertThat(summary()).isEqualTo("Conflicts waiting for a decision (1):");
        assertThat(dialog.table("conflicts.table").contents()).isDeepEqualTo(new String[][] {
                {"Nov 27, 2026 08:30", booking.bookingCode() + " · " + booking.applicant().fullName(), "Refused by central", "Appointment already cancelled at central", "Open"}});
        await("the first row selected", () -> dialog.table("conflicts.table").target().getSelectedRow() == 0);

        String officeSide = dialog.textBox("conflicts.office").text();
        String centralSide = dialog.textBox("conflicts.central").text();
        // fields under their labels, values in words, never a UUID
        assertThat(officeSide).contains("Kind of action: checked in").doesNotContain(booking.id(), "caseRef", "CHECKED_IN", "{\"");
        assertThat(centralSide).contains("Status: conflict").contains("Reason: Appointment already cancelled at central")
                .contains(booking.bookingCode()).doesNotContain("{\"");
        String nik = booking.applicant().nik();
        assertThat(conflict.centralSide()).contains(nik); // the raw side holds it ...
        assertThat(centralSide).contains(Nik.mask(nik)).doesNotContain(nik); // ... the screen never shows it
        assertThat(officeSide).doesNotContain(nik);
        assertThat(dialog.label("conflicts.held").text()).isEqualTo("Events held: " + held);

        // Ctrl+1: keep the office's outcome, with a note.
        // AssertJ Swing's robot takes the old modifier masks.
        @SuppressWarnings("deprecation")
        int ctrl = InputEvent.CTRL_MASK;
        decideWithNote(() -> dialog.table("conflicts.table").pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_1).modifiers(ctrl)),
                "cancelled by mistake");

        await("the list is empty and says so in a sentence, with no empty panes", () -> rows() == 0
                && summary().equals("No conflicts with central. All the office's data agrees with central.")
                && !org.assertj.swing.edt.GuiActionRunner.execute(() -> dialog.robot().finder()
                        .findByName(dialog.target(), "conflicts.table", javax.swing.JTable.class, false).isShowing()));
        assertThat(status()).isEqualTo("Conflict on case " + booking.bookingCode() + " · " + booking.applicant().fullName() + " settled: Keep the office data.");
        Conflict settled = conflicts.get(SUPERVISOR, conflict.id());
        assertThat(settled.resolution()).isEqualTo(Resolution.KEEP_OFFICE);
        assertThat(settled.resolvedBy()).isEqualTo(SUPERVISOR.username());
        assertThat(settled.note()).isEqualTo("cancelled by mistake");
        List<OutboxEntry> unsent = push().unsent();
        assertThat(unsent).hasSize(held).allMatch(e -> e.state() == OutboxState.PENDING);
        assertThat(push().summary().waiting()).isEqualTo(held);
        assertThat(push().summary().held()).isZero();
        assertThat(org.assertj.swing.edt.GuiActionRunner.execute(() -> dialog.robot().finder().findByName(dialog.target(), "conflicts.office",
                javax.swing.text.JTextComponent.class, false).getText())).isEmpty(); // hidden with the empty list
        dialog.button("conflicts.keep").requireDisabled();

        closeWithEsc();
    }

    @Test
    void acceptingCentralSupersedesTheHeldEvents() throws Exception {
        Conflict conflict = conflicts.open(SUPERVISOR).get(0);
        open(SUPERVISOR);
        await("the list loaded", () -> rows() == 1);
        await("the first row selected", () -> dialog.table("conflicts.table").target().getSelectedRow() == 0);

        decideWithNote(() -> dialog.button("conflicts.accept").click(), null);

        await("the list is empty and says so in a sentence, with no empty panes", () -> rows() == 0
                && summary().equals("No conflicts with central. All the office's data agrees with central.")
                && !org.assertj.swing.edt.GuiActionRunner.execute(() -> dialog.robot().finder()
                        .findByName(dialog.target(), "conflicts.table", javax.swing.JTable.class, false).isShowing()));
        assertThat(status()).isEqualTo("Conflict on case " + booking.bookingCode() + " · " + booking.applicant().fullName() + " settled: Accept central data.");
        assertThat(conflicts.get(SUPERVISOR, conflict.id()).resolution()).isEqualTo(Resolution.ACCEPT_CENTRAL);
        assertThat(conflicts.get(SUPERVISOR, conflict.id()).note()).isNull();
        assertThat(states()).isNotEmpty().containsOnly(OutboxState.SUPERSEDED.name());
        assertThat(push().unsent()).isEmpty();
        assertThat(push().summary().held()).isZero();

        Gui.clickUntil(dialog.button("conflicts.close"), "Close", closed::isDone, java.time.Duration.ofSeconds(5));
    }

    @Test
    void aFollowUpStaysListedMarkedSoAndAnOfficerIsRefusedInWords() throws Exception {
        Conflict conflict = conflicts.open(SUPERVISOR).get(0);
        int held = conflicts.heldEvents(SUPERVISOR, conflict.id());
        open(OFFICER);
        // An officer is refused at the service, in words: the dialog lists nothing and changes nothing.
        await("refused", () -> status().equals("You are not allowed to settle sync conflicts."));
        assertThat(rows()).isZero();
        assertThat(conflicts.get(SUPERVISOR, conflict.id()).resolution()).isNull();
        closeWithEsc();

        // Put aside by a supervisor elsewhere: listed again, marked as a follow-up, its events still held.
        conflicts.resolve(conflict.id(), SUPERVISOR, Resolution.MANUAL_FOLLOW_UP, null);
        dialog.cleanUp();
        dialog = null;
        robot = null;
        CompletableFuture<Void> again = new CompletableFuture<>();
        robot = BasicRobot.robotWithNewAwtHierarchy();
        SwingUtilities.invokeLater(() -> {
            ConflictsDialog.show(null, EN, conflicts, SUPERVISOR, SimulatedCentral.ZONE);
            again.complete(null);
        });
        dialog = WindowFinder.findDialog("conflicts").withTimeout(10_000).using(robot);
        await("the list loaded", () -> rows() == 1);
        assertThat(dialog.table("conflicts.table").contents()[0][4]).isEqualTo("Manual follow-up");
        await("selected", () -> dialog.label("conflicts.held").text().equals(
                "Events held: " + held + " (waiting for a manual follow-up)"));
        assertThat(push().summary().held()).isEqualTo(held);
        dialog.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        again.get(10, TimeUnit.SECONDS);
    }
}
