package id.loket.bench;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.Person;
import id.loket.casefile.model.QueueNumber;
import id.loket.casefile.model.QueueSeries;
import id.loket.central.sim.DayGenerator;
import id.loket.common.i18n.Messages;
import id.loket.queue.model.DayCounts;
import id.loket.queue.model.QueueEntry;
import id.loket.queue.ui.QueuePanel;
import java.awt.Component;
import java.awt.Container;
import java.lang.reflect.InvocationTargetException;
import java.text.Normalizer;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.text.BadLocationException;
import javax.swing.text.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One keystroke in the desk's queue search against its baseline.
 * <p>
 * {@code loket}: the {@link QueuePanel} holding a generated day of {@code entries} lines (central's
 * day generator, 60% of the bookings checked in, no database), and one keystroke typed into its
 * search field on the event-dispatch thread: the last letter of the query typed, on the next
 * invocation taken back again, so that every invocation is one real keystroke (one document
 * event) and the table's rows are filtered and applied as the desk does it. The time includes the
 * hand-over to the event-dispatch thread.
 * <p>
 * {@code baseline}: {@link String#contains} of the same query over an array of the same names (or
 * NIKs) normalised beforehand, on the benchmark's thread: what one pass over the day costs at least.
 * <p>
 * {@code query}: {@code name}, a four-letter fragment of a name of the day (three on the way back);
 * {@code nik}, the first eight digits of a NIK of the day (seven on the way back).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Djava.awt.headless=true"})
public class QueueFilterBenchmark {

    @Param({"3000", "100000"})
    int entries;

    @Param({"name", "nik"})
    String query;

    private QueuePanel panel;
    private JTable table;
    private Document search;
    private String typed;
    private boolean full;
    private String[] haystack;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<QueueEntry> day = day(entries);
        QueueEntry probe = day.get(day.size() / 2 + 1);
        if ("nik".equals(query)) {
            typed = probe.nik().substring(0, 8);
            haystack = day.stream().map(QueueEntry::nik).toArray(String[]::new);
        } else {
            typed = fragment(probe.fullName());
            haystack = day.stream().map(e -> plain(e.fullName())).toArray(String[]::new);
        }
        onEdt(() -> {
            panel = new QueuePanel(Messages.forLanguage("id"), () -> BenchOffice.DAY.atTime(LocalTime.of(11, 0))
                    .atZone(BenchOffice.ZONE).toOffsetDateTime());
            panel.setEntries(day, DayCounts.NONE);
            JTextField field = find(panel, JTextField.class, "queue.search");
            table = find(panel, JTable.class, "queue.table");
            field.setText(typed.substring(0, typed.length() - 1));
            search = field.getDocument();
        });
        full = false;
    }

    /** One keystroke: the query's last letter typed, or taken back; answers the lines shown. */
    @Benchmark
    public int loket() throws Exception {
        int[] shown = new int[1];
        boolean type = !full;
        full = type;
        onEdt(() -> {
            try {
                if (type) {
                    search.insertString(search.getLength(), typed.substring(typed.length() - 1), null);
                } else {
                    search.remove(search.getLength() - 1, 1);
                }
            } catch (BadLocationException e) {
                throw new IllegalStateException(e);
            }
            shown[0] = table.getRowCount();
        });
        return shown[0];
    }

    /** The same query by {@code String.contains} over the names (or NIKs) normalised beforehand. */
    @Benchmark
    public int baseline() {
        boolean type = !full;
        full = type;
        String q = type ? typed : typed.substring(0, typed.length() - 1);
        int found = 0;
        for (String h : haystack) {
            if (h.contains(q)) {
                found++;
            }
        }
        return found;
    }

    /** A day of {@code count} lines: every booking, 60% of the booked ones checked in (A-001…). */
    static List<QueueEntry> day(int count) {
        List<Appointment> bookings = new DayGenerator(7).generate(BenchOffice.OFFICE, BenchOffice.DAY, count, BenchOffice.ZONE);
        List<QueueEntry> day = new ArrayList<>(bookings.size());
        OffsetDateTime opening = BenchOffice.DAY.atTime(LocalTime.of(8, 0)).atZone(BenchOffice.ZONE).toOffsetDateTime();
        int number = 0;
        for (int i = 0; i < bookings.size(); i++) {
            Appointment a = bookings.get(i);
            boolean arrived = a.status() == AppointmentStatus.BOOKED && i % 5 < 3;
            day.add(arrived ? new QueueEntry(a, checkedIn(a, ++number, opening.plusSeconds(number))) : new QueueEntry(a));
        }
        return day;
    }

    private static CaseFile checkedIn(Appointment a, int number, OffsetDateTime at) {
        var p = a.applicant();
        Person person = new Person(p.nik(), p.fullName(), p.birthDate(), p.birthPlace(), p.sex(), p.married());
        return new CaseFile(a.bookingCode(), a.office(), a.date(), a.id(), false, new QueueNumber(QueueSeries.A, number),
                CaseStatus.CHECKED_IN, a.service(), a.passportType(), a.validityYears(), a.slotStart(), null, person,
                null, null, at, null, false, null, null, null, null, null, null, null, null, null, null, null, false,
                List.of(), 1);
    }

    /** Four letters from the middle of the name's longest word, as an officer types part of a name. */
    private static String fragment(String fullName) {
        String longest = "";
        for (String w : plain(fullName).split(" ")) {
            if (w.length() > longest.length()) {
                longest = w;
            }
        }
        int from = Math.max(0, Math.min(1, longest.length() - 4));
        return longest.substring(from, Math.min(longest.length(), from + 4));
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replaceAll("['’‘ʼ`.\\-]", "").toLowerCase(Locale.ROOT);
    }

    private static <T extends Component> T find(Container root, Class<T> type, String name) {
        for (Component c : root.getComponents()) {
            if (type.isInstance(c) && name.equals(c.getName())) {
                return type.cast(c);
            }
            if (c instanceof Container inner) {
                T found = find(inner, type, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void onEdt(Runnable r) throws InterruptedException, InvocationTargetException {
        SwingUtilities.invokeAndWait(r);
    }
}
