package id.loket.queue.model;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Applicant;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.Payment;
import id.loket.appointment.model.PaymentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The day's search keys, normalised once: the same lines as the search always found, the exact booking-code hit first. */
class QueueSearchTest {

    private static int serial;

    private static QueueEntry entry(String bookingCode, String nik, String fullName) {
        Applicant applicant = new Applicant(nik, fullName, LocalDate.of(1990, 8, 17), "Denpasar", Sex.M, false,
                null, null, null, List.of());
        Payment payment = new Payment("82026112700000" + (++serial % 10), 650_000L, PaymentStatus.PAID, null, null);
        Appointment appointment = new Appointment("6f1c2a4e-3b5d-4c7e-9f10-2a3b4c5d6e" + String.format("%02d", serial % 100), 1,
                bookingCode, "DPS", LocalDate.of(2026, 11, 27), "08:00", "08:30", AppointmentStatus.BOOKED, null, ServiceType.NEW,
                PassportType.ELECTRONIC, 10, false, applicant, payment, null);
        return new QueueEntry(appointment);
    }

    private static final List<QueueEntry> FEW = List.of(
            entry("DPSK7Q9M2X", "5171011708900001", "I Wayan Sastrawan"),
            entry("DPSA2B3C4D", "5103024512850002", "Ma'ruf Amin"),
            entry("DPSZZZ9999", "3171011708900003", "André Wijaya"),
            entry("DPSK7Q9M2", "5171019999990004", "Ni Luh Putu Ayu"),
            entry("DPSM4N5P6Q", "5171020101010005", "Ahmad Al-Farisi"));

    private static int[] found(List<QueueEntry> day, String query) {
        return new QueueSearch(day).find(new QueueFilter(query), QueueView.ALL).indexes();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "51", "5171", "517101", "51710117", "517101170890000", "5171011708900001"})
    void findsByNikPrefix(String prefix) {
        int[] expected = IntStream.range(0, FEW.size()).filter(i -> FEW.get(i).nik().startsWith(prefix)).toArray();
        assertThat(expected).isNotEmpty();
        assertThat(found(FEW, prefix)).containsExactly(expected);
    }

    @Test
    void findsAFullNikAlone() {
        assertThat(found(FEW, "5103024512850002")).containsExactly(1);
        assertThat(found(FEW, "5103024512850009")).isEmpty();
    }

    @Test
    void theExactBookingCodeIsListedFirst() {
        // "DPSK7Q9M2" is the whole code of line 3 and part of line 0's code
        QueueSearch.Found f = new QueueSearch(FEW).find(new QueueFilter("dpsk7q9m2"), QueueView.ALL);
        assertThat(f.exact()).isEqualTo(3);
        assertThat(f.indexes()).containsExactly(3, 0);
        assertThat(f.count()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DPSK7Q9M2X", "dpsk7q9m2x", " DPSK7Q9M2X ", "DPS-K7Q9-M2X"})
    void theExactBookingCodeIsFoundWrittenAnyWay(String query) {
        QueueSearch.Found f = new QueueSearch(FEW).find(new QueueFilter(query), QueueView.ALL);
        assertThat(f.exact()).isZero();
        assertThat(f.indexes()).containsExactly(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DPSK7Q9", "K7Q9M2X", "dpsk7q9m2x wayan"})
    void aPartOfACodeOrMoreWordsIsNoExactHit(String query) {
        QueueSearch.Found f = new QueueSearch(FEW).find(new QueueFilter(query), QueueView.ALL);
        assertThat(f.exact()).isEqualTo(-1);
        assertThat(f.count()).isPositive();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" finds line {1}")
    @CsvSource(quoteCharacter = '"', textBlock = """
            maruf,       1
            MA'RUF,      1
            ma’ruf,      1
            andre,       2
            ANDRÉ,       2
            alfarisi,    4
            al-farisi,   4
            "luh ayu",   3
            """)
    void findsNamesIgnoringAccentsCaseAndApostrophes(String query, int line) {
        assertThat(found(FEW, query)).containsExactly(line);
    }

    @Test
    void anEmptyQueryShowsTheWholeView() {
        QueueSearch.Found f = new QueueSearch(FEW).find(new QueueFilter("  "), QueueView.ALL);
        assertThat(f.count()).isEqualTo(FEW.size());
        assertThat(f.exact()).isEqualTo(-1);
    }

    // --- the same lines as the search found before the keys were kept, on a generated day

    private static List<QueueEntry> day;

    @BeforeAll
    static void generate() {
        day = GeneratedDay.of(3_000);
    }

    @Test
    void findsWhatTheSearchAlwaysFoundOnAGeneratedDay() {
        QueueSearch search = new QueueSearch(day);
        OldFilter old = new OldFilter(day);
        List<String> queries = queries();
        assertThat(queries).hasSizeGreaterThan(500);
        int nonEmpty = 0;
        for (String q : queries) {
            boolean[] matched = old.matches(q);
            for (QueueView view : QueueView.values()) {
                int[] expected = IntStream.range(0, day.size())
                        .filter(i -> view.includes(day.get(i)) && matched[i]).toArray();
                QueueSearch.Found f = search.find(new QueueFilter(q), view);
                int[] got = f.indexes();
                if (f.exact() >= 0) {
                    // the exact hit is first; the rest keep the day's order
                    assertThat(got[0]).as(q).isEqualTo(f.exact());
                    Arrays.sort(got);
                }
                assertThat(got).as("query «%s», view %s", q, view).containsExactly(expected);
                if (expected.length > 0 && view == QueueView.ALL) {
                    nonEmpty++;
                }
            }
            // and the filter alone on a line, as the desk's other searches use it
            for (int i = Math.floorMod(q.hashCode(), 97); i < day.size(); i += 97) {
                assertThat(new QueueFilter(q).matches(day.get(i))).as(q).isEqualTo(matched[i]);
            }
        }
        assertThat(nonEmpty).as("queries that find something").isGreaterThan(queries.size() / 3);
    }

    @Test
    void theGeneratedDayHasTheHardCases() {
        assertThat(day).anyMatch(e -> e.fullName().contains("'") || e.fullName().contains("’"));
        assertThat(day).anyMatch(e -> !Normalizer.isNormalized(e.fullName(), Normalizer.Form.NFD)
                || e.fullName().chars().anyMatch(c -> c > 127));
        assertThat(day).anyMatch(e -> e.fullName().contains("-") || e.fullName().contains("."));
        assertThat(day).anyMatch(e -> e.appointment() == null);
        assertThat(day).anyMatch(e -> e.queueNumber() != null);
    }

    /** Name fragments and whole words (as typed, accents and all), NIK prefixes and middles, codes, queue numbers any way, several words, noise. */
    private static List<String> queries() {
        SplittableRandom random = new SplittableRandom(42);
        Set<String> out = new LinkedHashSet<>();
        for (int k = 0; k < 120; k++) {
            QueueEntry e = day.get(random.nextInt(day.size()));
            String[] words = e.fullName().split("\\s+");
            String word = words[random.nextInt(words.length)];
            out.add(word);
            out.add(word.toUpperCase(Locale.ROOT));
            out.add(word.substring(0, Math.min(word.length(), 1 + random.nextInt(4))));
            if (word.length() > 3) {
                out.add(word.substring(1, Math.min(word.length(), 4)));
            }
            if (words.length > 1) {
                out.add(words[0] + " " + words[words.length - 1]);
                out.add(words[words.length - 1].toLowerCase(Locale.ROOT) + "  " + words[0]);
            }
            out.add(e.nik().substring(0, 1 + random.nextInt(16)));
            out.add(e.nik().substring(6, 12));
            out.add(e.code());
            out.add(e.code().toLowerCase(Locale.ROOT).substring(0, 5));
            out.add(e.code().substring(3));
            if (e.queueNumber() != null) {
                String n = e.queueNumber().toString();
                out.add(n);
                out.add(n.replace("-", ""));
                out.add(n.toLowerCase(Locale.ROOT));
                out.add(n.substring(0, 3));
                out.add(word + " " + n);
            }
            out.add(word + " " + e.nik().substring(0, 4));
        }
        String alphabet = "aeiounrstlkmbdgwyAEIU'’-. éèñ0123456789";
        for (int k = 0; k < 150; k++) {
            StringBuilder q = new StringBuilder();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                q.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            out.add(q.toString());
        }
        out.addAll(List.of("", " ", "W-", "w-dps", "a-001", "A001", "a 001", "\u00A0wayan", "e\u0301", "\u0001", "a\u0001b"));
        return new ArrayList<>(out);
    }

    /**
     * The search as it was (up to c09cb93), the reference for the keys: its normalising and its
     * matching copied as they were; the lines are normalised once here only to keep the test quick
     * (the old filter normalised them again at every keystroke, with the same result).
     */
    private static final class OldFilter {
        private static final Pattern MARKS = Pattern.compile("\\p{M}+");
        private static final Pattern NAME_PUNCTUATION = Pattern.compile("['’‘ʼ`.\\-]");

        private final String[] names;
        private final String[] codes;
        private final String[] niks;
        private final String[] numbers;

        OldFilter(List<QueueEntry> day) {
            names = day.stream().map(e -> normalize(e.fullName())).toArray(String[]::new);
            codes = day.stream().map(e -> normalize(e.code())).toArray(String[]::new);
            niks = day.stream().map(QueueEntry::nik).toArray(String[]::new);
            numbers = day.stream().map(e -> e.queueNumber() == null ? "" : normalize(e.queueNumber().toString())).toArray(String[]::new);
        }

        boolean[] matches(String query) {
            String q = query == null ? "" : normalize(query).replace('\u00A0', ' ').strip();
            String[] words = q.isEmpty() ? new String[0] : q.split("\\s+");
            boolean[] out = new boolean[names.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = matches(words, names[i], codes[i], niks[i], numbers[i]);
            }
            return out;
        }

        private static boolean matches(String[] words, String name, String code, String nik, String number) {
            if (words.length == 0) {
                return true;
            }
            for (String w : words) {
                if (!name.contains(w) && !code.contains(w) && !nik.contains(w) && !number.equals(w)) {
                    return false;
                }
            }
            return true;
        }

        static String normalize(String text) {
            String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
            return NAME_PUNCTUATION.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("").toLowerCase(Locale.ROOT);
        }
    }
}
