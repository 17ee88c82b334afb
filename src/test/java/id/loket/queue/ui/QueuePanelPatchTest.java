package id.loket.queue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.casefile.model.CaseFile;
import id.loket.common.i18n.Messages;
import id.loket.queue.model.DayCounts;
import id.loket.queue.model.GeneratedDay;
import id.loket.queue.model.QueueEntry;
import java.awt.Component;
import java.awt.Container;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JTable;
import javax.swing.RowSorter.SortKey;
import javax.swing.SortOrder;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * A queue line changed in place after a read of its case alone ({@link QueuePanel#patch}): the
 * table ends as if the day had been read afresh with that line changed — in the sort the officer
 * chose too — and a case with no line yet changes nothing and asks for the day.
 */
class QueuePanelPatchTest {

    private static final Messages EN = Messages.forLanguage("en");

    private static QueuePanel panel(List<QueueEntry> entries, int sortColumn) {
        QueuePanel p = new QueuePanel(EN, () -> GeneratedDay.DAY.atTime(LocalTime.of(11, 0)).atZone(GeneratedDay.ZONE).toOffsetDateTime());
        p.setEntries(entries, DayCounts.NONE);
        table(p).getRowSorter().setSortKeys(List.of(new SortKey(sortColumn, SortOrder.ASCENDING)));
        return p;
    }

    private static JTable table(Container c) {
        for (Component child : c.getComponents()) {
            if (child instanceof JTable t) {
                return t;
            }
            if (child instanceof Container inner) {
                JTable t = table(inner);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** The lines in the order the table shows them. */
    private static List<QueueEntry> inView(QueuePanel p) {
        JTable t = table(p);
        List<QueueEntry> entries = p.entries();
        List<QueueEntry> view = new ArrayList<>();
        for (int v = 0; v < t.getRowCount(); v++) {
            view.add(entries.get(t.convertRowIndexToModel(v)));
        }
        return view;
    }

    private static Appointment cancelled(Appointment a) {
        return new Appointment(a.id(), a.version() + 1, a.bookingCode(), a.office(), a.date(), a.slotStart(), a.slotEnd(),
                AppointmentStatus.CANCELLED, a.rescheduledTo(), a.service(), a.passportType(), a.validityYears(), a.sameDay(),
                a.applicant(), a.payment(), a.updatedAt());
    }

    @Test
    void aPatchedLineTakesItsPlaceInTheSortAsAFreshReadWouldShowIt() throws Exception {
        List<QueueEntry> day = GeneratedDay.of(300);
        int at = 0;
        while (day.get(at).hasCase() || day.get(at).appointment().status() != AppointmentStatus.BOOKED) {
            at++;
        }
        QueueEntry changed = new QueueEntry(cancelled(day.get(at).appointment()));
        List<QueueEntry> after = new ArrayList<>(day);
        after.set(at, changed);
        int status = QueueTableModel.Column.STATUS.ordinal();
        List<List<QueueEntry>> seen = new ArrayList<>();
        boolean[] patched = new boolean[1];

        SwingUtilities.invokeAndWait(() -> {
            QueuePanel p = panel(day, status);
            List<QueueEntry> before = inView(p);
            patched[0] = p.patch(List.of(changed), DayCounts.NONE);
            seen.add(before);
            seen.add(inView(p));
            seen.add(p.entries());
            seen.add(inView(panel(after, status)));
        });

        assertThat(patched[0]).isTrue();
        assertThat(seen.get(2)).as("the lines, the changed one in its place").isEqualTo(after);
        assertThat(seen.get(1)).as("in view as a fresh read of the day shows them").isEqualTo(seen.get(3));
        assertThat(seen.get(1).indexOf(changed)).as("the cancelled booking moved in the sort by status")
                .isNotEqualTo(seen.get(0).indexOf(day.get(at)));
    }

    @Test
    void aCaseWithoutALineChangesNothingAndAsksForTheDay() throws Exception {
        List<QueueEntry> day = GeneratedDay.of(120);
        CaseFile someCase = day.stream().filter(QueueEntry::hasCase).findFirst().orElseThrow().caseFile();
        QueueEntry walkIn = QueueEntry.caseOnly(someCase);
        List<List<QueueEntry>> seen = new ArrayList<>();
        boolean[] patched = new boolean[1];

        SwingUtilities.invokeAndWait(() -> {
            QueuePanel p = panel(day, QueueTableModel.Column.NAME.ordinal());
            List<QueueEntry> before = inView(p);
            patched[0] = p.patch(List.of(walkIn), DayCounts.NONE);
            seen.add(before);
            seen.add(inView(p));
        });

        assertThat(patched[0]).isFalse();
        assertThat(seen.get(1)).isEqualTo(seen.get(0));
    }
}
