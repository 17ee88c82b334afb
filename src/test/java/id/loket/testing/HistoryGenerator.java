package id.loket.testing;

import id.loket.app.AppContext;
import id.loket.audit.AuditChainRepository;
import id.loket.audit.model.SignedHead;
import id.loket.common.i18n.Messages;
import id.loket.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * A year of history behind a simulated day, fast: the day a data folder holds (made by
 * {@code loket simulate}, through the real services, so it passes the rules a simulated day
 * passes) is copied back onto the {@code days} working days before it (Monday to Friday, the
 * folder's holidays skipped), as an office with the same day every day would have made them.
 * Each copy is the day moved: its dates and instants moved back, its ids made its own in the
 * same shape (UUIDs stay UUIDs, booking codes the office and seven letters, receipt numbers
 * {@code TT-<office>-<its date>-<n>}), the same dates and ids inside event payloads and audit
 * details. The outbox and the audit trail stay in the order things happened (the oldest day
 * first, the template day last), and the audit trail is chained and its head signed again over
 * the whole history, as Loket chains the rows of an earlier version at its first start: so
 * {@code loket audit verify} finds it intact.
 *
 * <p>Only for training folders and benchmarks: it rewrites the audit chain. Run from the
 * project root with {@code bench/history DIR DAYS}.
 */
public final class HistoryGenerator {

    /** The tables a day writes, parents first. */
    static final List<String> TABLES = List.of("appointment", "appointment_guardian", "case_file", "case_document",
            "case_rejection_reason", "case_receipt", "queue_call", "no_show", "day_closing", "day_sequence",
            "sync_cursor", "sync_run", "outbox_event", "audit_log");
    /** Columns holding a UUID that names a row (or points at one): the copy's number in its first eight digits. */
    private static final Set<String> UUID_KEYS = Set.of("appointment_id", "case_ref", "event_id", "central_appointment_id");
    /** Texts that carry the day's dates and ids. */
    private static final Set<String> TEXTS = Set.of("payload", "details");
    /** H2's page cache while generating, in KB (the JVM needs more heap than this: bench/history gives it 4 GB). */
    private static final int CACHE_KB = 2 * 1024 * 1024;
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** What was made: the history's first and last day, how many days, and the folder's rows after it. */
    public record Made(LocalDate first, LocalDate last, int days, long appointments, long auditRows, long outboxEvents,
            Duration took) {
    }

    private HistoryGenerator() {
    }

    /** {@code java … HistoryGenerator DIR DAYS}: the folder's day copied back DAYS working days. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: HistoryGenerator DATA_DIR DAYS   (DATA_DIR holds one simulated day)");
            System.exit(2);
        }
        Made made = copyBack(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.printf(Locale.ROOT, "History of %d working days, %s to %s: %,d appointments, %,d audit entries, %,d events in %d s%n",
                made.days(), made.first(), made.last(), made.appointments(), made.auditRows(), made.outboxEvents(),
                made.took().toSeconds());
    }

    /** Copies the one day the folder at {@code dataDir} holds back {@code days} working days (key: the folder's default). */
    public static Made copyBack(Path dataDir, int days) {
        if (days < 1 || days > 9_999) {
            throw new IllegalArgumentException("days must be 1 to 9999: " + days);
        }
        long t0 = System.nanoTime();
        List<LocalDate> history;
        try (Database db = Database.openFolder(dataDir)) {
            DSLContext dsl = db.dsl();
            // a year is gigabytes: H2's page cache (16 MB by default) made the chaining below re-read the file endlessly
            dsl.execute("SET CACHE_SIZE " + CACHE_KB);
            LocalDate day = dsl.fetchSingle("SELECT MAX(case_date) FROM case_file").get(0, LocalDate.class);
            if (day == null) {
                throw new IllegalStateException(dataDir + " holds no simulated day (no case)");
            }
            history = workingDaysBefore(dsl, day, days);
            snapshot(dsl);
            Map<String, List<Record>> columns = new HashMap<>();
            for (String table : TABLES) {
                columns.put(table, dsl.resultQuery("SELECT column_name, data_type, is_identity FROM information_schema.columns"
                        + " WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position", table).fetch());
            }
            long auditStride = dsl.fetchSingle("SELECT COALESCE(MAX(id), 0) + 1 FROM hist_audit_log").get(0, Long.class);
            long outboxStride = dsl.fetchSingle("SELECT COALESCE(MAX(seq), 0) + 1 FROM hist_outbox_event").get(0, Long.class);
            // the template day goes last in both orders; the copies fill the numbers before it, oldest first
            dsl.transaction(c -> {
                c.dsl().execute("UPDATE audit_log SET id = id + " + (auditStride * days));
                c.dsl().execute("UPDATE outbox_event SET seq = seq + " + (outboxStride * days));
            });
            for (int k = days; k >= 1; k--) {
                if ((days - k) % 25 == 0) {
                    System.err.printf(Locale.ROOT, "history: copying day %d of %d (%s)%n", days - k + 1, days, history.get(k - 1));
                }
                LocalDate to = history.get(k - 1);
                int copy = k;
                long back = ChronoUnit.DAYS.between(to, day);
                long position = days - k;
                dsl.transaction(c -> {
                    for (String table : TABLES) {
                        copy(c.dsl(), table, columns.get(table), copy, back, day, to, position * auditStride, position * outboxStride);
                    }
                });
            }
            dsl.transaction(c -> {
                DSLContext tx = c.dsl();
                tx.execute("ALTER TABLE audit_log ALTER COLUMN id RESTART WITH " + (auditStride * (days + 1)));
                tx.execute("ALTER TABLE outbox_event ALTER COLUMN seq RESTART WITH " + (outboxStride * (days + 1)));
                // chained again below, over the whole history in id order, as an earlier version's rows are
                tx.execute("UPDATE audit_log SET seq = NULL, prev_hash = NULL, hash = NULL");
                tx.execute("UPDATE audit_head SET seq = 0, hash = '" + "0".repeat(64) + "' WHERE id = 1");
                for (String table : TABLES) {
                    tx.execute("DROP TABLE hist_" + table);
                }
            });
            dsl.execute("ANALYZE");
            // chained as Loket chains the rows of an earlier version (in row order), and the head signed where it ends
            System.err.println("history: chaining the audit trail");
            new AuditChainRepository(dsl).sealLegacy();
            try {
                Files.write(dataDir.resolve("audit.head"), new SignedHead(new AuditChainRepository(dsl).head()).encode(db.auditKey()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // opened as the desk opens it (HistoryGeneratorIT verifies the chain against the head)
        try (AppContext app = AppContext.open(dataDir, Clock.systemUTC(), Messages.forLanguage("en"))) {
            DSLContext dsl = app.caseWork(Clock.systemUTC()).db().dsl();
            return new Made(history.get(history.size() - 1), history.get(0), days,
                    dsl.fetchSingle("SELECT COUNT(*) FROM appointment").get(0, Long.class),
                    dsl.fetchSingle("SELECT COUNT(*) FROM audit_log").get(0, Long.class),
                    dsl.fetchSingle("SELECT COUNT(*) FROM outbox_event").get(0, Long.class),
                    Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    /** The {@code days} working days before {@code day}, latest first: no Saturday, Sunday or holiday of the folder. */
    static List<LocalDate> workingDaysBefore(DSLContext dsl, LocalDate day, int days) {
        Set<LocalDate> holidays = dsl.fetch("SELECT holiday_date FROM holiday").stream().map(r -> r.get(0, LocalDate.class))
                .collect(Collectors.toSet());
        List<LocalDate> found = new ArrayList<>();
        for (LocalDate d = day.minusDays(1); found.size() < days; d = d.minusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d)) {
                found.add(d);
            }
        }
        return found;
    }

    /** The day as it stands, in hist_ tables the copies are made from. */
    private static void snapshot(DSLContext dsl) {
        dsl.transaction(c -> {
            for (String table : TABLES) {
                c.dsl().execute("DROP TABLE IF EXISTS hist_" + table);
                c.dsl().execute("CREATE TABLE hist_" + table + " AS SELECT * FROM " + table);
            }
        });
    }

    /** Copy {@code k} of {@code table}'s template rows, moved {@code back} days to {@code to}. */
    private static void copy(DSLContext dsl, String table, List<Record> columns, int k, long back, LocalDate day, LocalDate to,
            long auditOffset, long outboxOffset) {
        List<String> into = new ArrayList<>();
        List<String> select = new ArrayList<>();
        String prefix = String.format(Locale.ROOT, "'%08d'", k);
        String code = "'" + CODE_ALPHABET.charAt((k / CODE_ALPHABET.length()) % CODE_ALPHABET.length())
                + CODE_ALPHABET.charAt(k % CODE_ALPHABET.length()) + "'";
        for (Record col : columns) {
            String name = col.get(0, String.class);
            String type = col.get(1, String.class).toUpperCase(Locale.ROOT);
            boolean identity = "YES".equals(col.get(2, String.class));
            String uuid = "CASE WHEN " + name + " IS NULL OR " + name + " = '' THEN " + name + " ELSE " + prefix
                    + " || SUBSTRING(" + name + ", 9) END";
            String expression;
            if (table.equals("audit_log") && name.equals("id")) {
                expression = "id + " + auditOffset;
            } else if (table.equals("outbox_event") && name.equals("seq")) {
                expression = "seq + " + outboxOffset;
            } else if (identity) {
                continue; // a new number of its own
            } else if (table.equals("audit_log") && List.of("seq", "prev_hash", "hash").contains(name)) {
                expression = "NULL";
            } else if (UUID_KEYS.contains(name) || (table.equals("appointment") && name.equals("id"))) {
                expression = uuid;
            } else if (name.equals("booking_code")) {
                expression = "CASE WHEN " + name + " IS NULL THEN NULL ELSE LEFT(" + name + ", LENGTH(" + name + ") - 7) || " + code
                        + " || RIGHT(" + name + ", 5) END";
            } else if (name.equals("receipt_number")) {
                expression = "REGEXP_REPLACE(" + name + ", '-\\d{8}-', '-" + basic(to) + "-')";
            } else if (TEXTS.contains(name)) {
                String moved = "REPLACE(REPLACE(" + name + ", '" + day + "', '" + to + "'), '" + basic(day) + "', '" + basic(to) + "')";
                if (table.equals("outbox_event")) {
                    moved = "REPLACE(REPLACE(" + moved + ", event_id, " + uuidOf("event_id", prefix) + "), case_ref, "
                            + uuidOf("case_ref", prefix) + ")";
                }
                expression = moved;
            } else if (type.startsWith("DATE") || type.startsWith("TIMESTAMP")) {
                expression = "DATEADD(DAY, -" + back + ", " + name + ")";
            } else {
                expression = name;
            }
            into.add(name);
            select.add(expression);
        }
        dsl.execute("INSERT INTO " + table + " (" + String.join(", ", into) + ") SELECT " + String.join(", ", select)
                + " FROM hist_" + table + (table.equals("audit_log") ? " ORDER BY id" : table.equals("outbox_event") ? " ORDER BY seq" : ""));
    }

    private static String uuidOf(String column, String prefix) {
        return prefix + " || SUBSTRING(" + column + ", 9)";
    }

    private static String basic(LocalDate d) {
        return d.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
