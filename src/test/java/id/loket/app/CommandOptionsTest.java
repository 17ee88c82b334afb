package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.testing.ChildJvm;
import id.loket.testing.Cli;
import id.loket.testing.Cli.Run;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command with values out of range, of the wrong form, unknown or missing: each is refused
 * with exit code 2 and exactly one line on standard error (no usage block, no exception, no stack
 * trace), before anything is created: the data folder given with --data does not exist afterwards.
 * Runs in this JVM through {@link Main#run}; a few run in a child JVM through the real {@code main}.
 */
class CommandOptionsTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    /** The name a case is shown by, the arguments ({DIR} = a folder of the test), and a part of the one line expected. */
    static Stream<Arguments> refused() {
        return Stream.of(
                // shared options
                row("--lang fr", "--lang menerima id atau en (diberikan \"fr\").", "sync", "--lang", "fr"),
                row("--office lower case", "Office code \"dps\" is not valid", "sync", "--office", "dps"),
                row("--office too long", "Office code \"DENPASAR\" is not valid", "sync", "--office", "DENPASAR"),
                row("--central http to the LAN", "is plain http://", "sync", "--central", "http://192.168.1.10/api/v1"),
                row("--central http to a name that looks loopback", "is plain http://", "sync", "--central", "http://127.example.org/api/v1"),
                row("--central not a URL", "Central's URL \"not a url\" cannot be used", "sync", "--central", "not a url"),
                row("--central ftp", "Central's URL \"ftp://central.example/api\" cannot be used", "sync", "--central", "ftp://central.example/api"),
                row("--central with a password", "cannot be used", "sync", "--central", "https://kantor:rahasia@central.example/api"),
                row("--central port out of range", "cannot be used", "sync", "--central", "https://central.example:70000/api"),
                row("--central with a query", "cannot be used", "sync", "--central", "https://central.example/api?x=1"),
                row("--token with a space", "The token (--token or LOKET_TOKEN) must be 1 to 512 visible characters", "sync", "--token", "ab cd"),
                row("--token empty", "The token (--token or LOKET_TOKEN) must be", "sync", "--token", ""),
                row("--central-ca missing", "The office CA file " + "{DIR}" + "/none.pem does not exist.", "sync", "--central-ca", "{DIR}/none.pem"),
                row("--data without a value", "--data needs a value (DIR).", "sync", "--data"),
                row("--db not PostgreSQL", "Not a PostgreSQL database address: \"jdbc:h2:/tmp/x\"", "sync", "--db", "jdbc:h2:/tmp/x", "--db-user", "loket",
                        "--db-password-file", "{DIR}/pw"),
                row("--db without a role", "needs Loket's role: --db-user NAME", "sync", "--db", "jdbc:postgresql://127.0.0.1/loket",
                        "--db-password-file", "{DIR}/pw"),
                row("--db without a password file", "needs a password file", "sync", "--db", "jdbc:postgresql://127.0.0.1/loket", "--db-user", "loket"),
                row("db copy from a folder without a database", "holds no Loket database", "db", "copy", "--from-data", "{DIR}/none", "--to",
                        "jdbc:postgresql://127.0.0.1/loket", "--db-user", "loket", "--db-password-file", "{DIR}/pw"),
                row("db copy to H2", "Not a PostgreSQL database address", "db", "copy", "--from-data", "{DIR}", "--to", "jdbc:h2:/tmp/x"),
                row("sync-worker --push-every 0", "--push-every must be 1 to 600 (given 0).", "sync-worker", "--push-every", "0"),
                row("sync-worker --pull-every 1", "--pull-every must be 5 to 3600 (given 1).", "sync-worker", "--pull-every", "1"),
                row("sync-worker --days 40", "--days must be 1 to 31 (given 40).", "sync-worker", "--days", "40"),
                row("unknown option of loket", "loket has no option --nope; \"loket --help\" lists its options.", "--nope"),
                row("unknown command", "loket does not take \"nonsense\"; \"loket --help\" says what it takes.", "nonsense"),
                // sync
                row("sync --timeout 0", "--timeout must be 1 to 600 (given 0).", "sync", "--timeout", "0"),
                row("sync --timeout -1", "--timeout must be 1 to 600 (given -1).", "sync", "--timeout", "-1"),
                row("sync --timeout 601", "--timeout must be 1 to 600 (given 601).", "sync", "--timeout", "601"),
                row("sync --timeout abc", "--timeout does not take \"abc\": give a whole number.", "sync", "--timeout", "abc"),
                row("sync --timeout huge", "--timeout does not take \"99999999999\": give a whole number.", "sync", "--timeout", "99999999999"),
                row("sync --retries -5", "--retries must be 0 to 20 (given -5).", "sync", "--retries", "-5"),
                row("sync --retries 21", "--retries must be 0 to 20 (given 21).", "sync", "--retries", "21"),
                row("sync --retries x", "--retries does not take \"x\": give a whole number.", "sync", "--retries", "x"),
                row("sync --days 0", "--days must be 1 to 31 (given 0).", "sync", "--days", "0"),
                row("sync --days 32", "--days must be 1 to 31 (given 32).", "sync", "--days", "32"),
                row("sync --date month 13", "--date does not take \"2026-13-01\": give a date YYYY-MM-DD", "sync", "--date", "2026-13-01"),
                row("sync --date day first", "--date does not take \"27-11-2026\"", "sync", "--date", "27-11-2026"),
                row("sync --date last century", "--date must be 2000-01-01 to 2099-12-31 (given 1999-12-31).", "sync", "--date", "1999-12-31"),
                row("sync --date next century", "--date must be 2000-01-01 to 2099-12-31 (given 2100-01-01).", "sync", "--date", "2100-01-01"),
                row("sync --date twice", "--date is given more than once.", "sync", "--date", "2026-11-27", "--date", "2026-11-28"),
                row("sync unknown option", "loket sync has no option --tmeout; \"loket sync --help\" lists its options.", "sync", "--tmeout", "5"),
                row("sync --days without a value", "--days needs a value (N).", "sync", "--days"),
                // central-sim
                row("central-sim without token", "The central simulator needs --token", "central-sim", "--port", "0"),
                row("central-sim --port 99999", "--port must be 0 to 65535 (given 99999).", "central-sim", "--token", "t", "--port", "99999"),
                row("central-sim --port -1", "--port must be 0 to 65535 (given -1).", "central-sim", "--token", "t", "--port", "-1"),
                row("central-sim --port x", "--port does not take \"x\": give a whole number.", "central-sim", "--token", "t", "--port", "x"),
                row("central-sim --count -5", "--count must be 0 to 5000 (given -5).", "central-sim", "--token", "t", "--count", "-5"),
                row("central-sim --count 5001", "--count must be 0 to 5000 (given 5001).", "central-sim", "--token", "t", "--count", "5001"),
                row("central-sim --count 2000000000", "--count must be 0 to 5000 (given 2000000000).", "central-sim", "--token", "t", "--count", "2000000000"),
                row("central-sim --count 1e3", "--count does not take \"1e3\": give a whole number.", "central-sim", "--token", "t", "--count", "1e3"),
                row("central-sim --seed abc", "--seed does not take \"abc\": give a whole number.", "central-sim", "--token", "t", "--seed", "abc"),
                row("central-sim --date 30 Feb", "--date does not take \"2026-02-30\"", "central-sim", "--token", "t", "--date", "2026-02-30"),
                row("central-sim --fail-rate above 1", "--fail-rate cannot be read (503=2)", "central-sim", "--token", "t", "--fail-rate", "503=2"),
                row("central-sim --retry-after -1", "--retry-after must be 0 to 3600 (given -1).", "central-sim", "--token", "t", "--retry-after", "-1"),
                row("central-sim --retry-after 3601", "--retry-after must be 0 to 3600 (given 3601).", "central-sim", "--token", "t", "--retry-after", "3601"),
                row("central-sim --slow-ms 600001", "--slow-ms must be 0 to 600000 (given 600001).", "central-sim", "--token", "t", "--slow-ms", "600001"),
                row("central-sim --changes-every 0", "--changes-every must be 1 to 86400 (given 0).", "central-sim", "--token", "t", "--changes-every", "0"),
                row("central-sim --changes-every 86401", "--changes-every must be 1 to 86400 (given 86401).", "central-sim", "--token", "t", "--changes-every", "86401"),
                row("central-sim --dump-applied into no folder", "--dump-applied: the folder {DIR}/no/such does not exist.", "central-sim", "--token", "t",
                        "--dump-applied", "{DIR}/no/such/applied.jsonl"),
                row("central-sim --dump-applied a folder", "--dump-applied: {DIR} is a folder, not a file.", "central-sim", "--token", "t", "--dump-applied", "{DIR}"),
                // demo
                row("demo --count -1", "--count must be 0 to 5000 (given -1).", "demo", "--count", "-1"),
                row("demo --count 2000000000", "--count must be 0 to 5000 (given 2000000000).", "demo", "--count", "2000000000"),
                row("demo --seed x", "--seed does not take \"x\": give a whole number.", "demo", "--seed", "x"),
                // holidays
                row("holidays without a subcommand", "loket holidays needs one of: list, add, remove.", "holidays"),
                row("holidays list without --year", "loket holidays list needs --year; \"loket holidays list --help\" says more.", "holidays", "list"),
                row("holidays list --year 1999", "--year must be 2000 to 2099 (given 1999).", "holidays", "list", "--year", "1999"),
                row("holidays list --year abc", "--year does not take \"abc\": give a whole number.", "holidays", "list", "--year", "abc"),
                row("holidays add --kind unknown", "--kind does not take \"HOLIDAY\": give one of NATIONAL, COLLECTIVE_LEAVE.", "holidays", "add",
                        "--date", "2026-12-01", "--name", "Hari Jadi", "--kind", "HOLIDAY", "--user", "admin"),
                row("holidays add --name blank", "Enter the holiday's name (at most 200 characters).", "holidays", "add", "--date", "2026-12-01",
                        "--name", " ", "--user", "admin"),
                row("holidays add --name too long", "Enter the holiday's name (at most 200 characters).", "holidays", "add", "--date", "2026-12-01",
                        "--name", "x".repeat(201), "--user", "admin"),
                row("holidays remove --date 30 Feb", "--date does not take \"2026-02-30\"", "holidays", "remove", "--date", "2026-02-30", "--user", "admin"),
                // export
                row("export without a subcommand", "loket export needs one of: appointments, cases.", "export"),
                row("export appointments without --date", "loket export appointments needs --date", "export", "appointments"),
                row("export appointments --format xml", "Unknown format \"xml\": use json or csv.", "export", "appointments", "--date", "2026-11-27", "--format", "xml"),
                row("export cases --format yaml", "Unknown format \"yaml\": use json or csv.", "export", "cases", "--date", "2026-11-27", "--format", "yaml"),
                row("export cases --date x", "--date does not take \"x\"", "export", "cases", "--date", "x"),
                // staff
                row("staff without a subcommand", "loket staff needs one of: add, list, role, deactivate, unlock.", "staff"),
                row("staff add --role BOSS", "--role does not take \"BOSS\": give one of COUNTER, SUPERVISOR, ADMIN.", "staff", "add", "--username", "budi",
                        "--name", "Budi", "--role", "BOSS"),
                row("staff add --username with a space", "User name \"budi santoso\" is not valid", "staff", "add", "--username", "budi santoso",
                        "--name", "Budi", "--role", "COUNTER"),
                row("staff add --name blank", "The full name is empty.", "staff", "add", "--username", "budi", "--name", " ", "--role", "COUNTER"),
                row("staff add without --name and --role", "loket staff add needs --name, --role", "staff", "add", "--username", "budi"),
                // simulate
                row("simulate without --date", "loket simulate needs --date", "simulate"),
                row("simulate --date 1900", "--date must be 2000-01-01 to 2099-12-31 (given 1900-01-01).", "simulate", "--date", "1900-01-01"),
                row("simulate --counters 0", "--counters must be 1 to 50 (given 0).", "simulate", "--date", "2026-11-27", "--counters", "0"),
                row("simulate --counters 51", "--counters must be 1 to 50 (given 51).", "simulate", "--date", "2026-11-27", "--counters", "51"),
                row("simulate --speed -1", "--speed must be 0 or more (given -1.0).", "simulate", "--date", "2026-11-27", "--speed", "-1"),
                row("simulate --speed NaN", "--speed must be 0 or more (given NaN).", "simulate", "--date", "2026-11-27", "--speed", "NaN"),
                row("simulate --speed fast", "--speed does not take \"fast\": give a number.", "simulate", "--date", "2026-11-27", "--speed", "fast"),
                row("simulate --until before opening", "--until must be between opening and closing time", "simulate", "--date", "2026-11-27", "--until", "07:00"),
                row("simulate --until after closing", "--until must be between opening and closing time", "simulate", "--date", "2026-11-27", "--until", "16:30"),
                row("simulate --until 25:00", "--until does not take \"25:00\": give a time HH:MM", "simulate", "--date", "2026-11-27", "--until", "25:00"),
                row("simulate --until 9:00", "--until does not take \"9:00\"", "simulate", "--date", "2026-11-27", "--until", "9:00"),
                row("simulate --push-every -1", "--push-every must be 0 to 240 minutes (given -1).", "simulate", "--date", "2026-11-27", "--push-every", "-1"),
                row("simulate --push-every 241", "--push-every must be 0 to 240 minutes (given 241).", "simulate", "--date", "2026-11-27", "--push-every", "241"),
                row("simulate --seed x", "--seed does not take \"x\"", "simulate", "--date", "2026-11-27", "--seed", "x"),
                // print
                row("print without a document", "loket print needs receipt|pickup-slip|rejection-slip|hold-slip", "print", "--case", "A1", "--out", "{DIR}/a.pdf"),
                row("print an unknown document", "Unknown document \"invoice\"", "print", "invoice", "--case", "A1", "--out", "{DIR}/a.pdf"),
                row("print --paper b5", "Unknown paper \"b5\": use a5, a4 or 80mm.", "print", "receipt", "--case", "A1", "--out", "{DIR}/a.pdf", "--paper", "b5"),
                row("print --out into no folder", "The folder {DIR}/no does not exist.", "print", "receipt", "--case", "A1", "--out", "{DIR}/no/a.pdf"),
                row("print --out a folder", "{DIR} is a folder, not a PDF file.", "print", "receipt", "--case", "A1", "--out", "{DIR}"),
                row("print without --case and --out", "loket print needs --case, --out", "print", "receipt"),
                row("print two documents", "loket print does not take \"hold-slip\"", "print", "receipt", "hold-slip", "--case", "A1", "--out", "{DIR}/a.pdf"),
                // outbox
                row("outbox --format xml", "Unknown format \"xml\": use text or json.", "outbox", "--format", "xml"),
                row("outbox --format without a value", "--format needs a value (text|json).", "outbox", "--format"),
                // display
                row("display --screen 0", "--screen must be 1 to 16 (given 0).", "display", "--screen", "0"),
                row("display --screen 17", "--screen must be 1 to 16 (given 17).", "display", "--screen", "17"),
                row("display --screen x", "--screen does not take \"x\": give a whole number.", "display", "--screen", "x"),
                row("display --set-text with --windowed", "--set-text only changes the running text", "display", "--set-text", "Halo",
                        "--windowed"),
                row("display --set-text too long", "The running text is too long (301 characters, at most 300).", "display", "--set-text",
                        "x".repeat(301), "--user", "supervisor"),
                row("display --user without --set-text", "--user is only used with --set-text", "display", "--user", "supervisor"),
                // report
                row("report --date day first", "--date must be a date YYYY-MM-DD (given \"27-11-2026\").", "report", "daily-summary", "--date", "27-11-2026",
                        "--out", "{DIR}/r.pdf"),
                row("report --to before --date", "--to 2026-11-01 is before --date 2026-11-27.", "report", "daily-summary", "--date", "2026-11-27",
                        "--to", "2026-11-01", "--out", "{DIR}/r.pdf"),
                row("report --days -3", "--days must be a whole number, 0 or more (given \"-3\").", "report", "pending-pickups", "--days", "-3",
                        "--out", "{DIR}/r.pdf"),
                row("report --days huge", "--days must be a whole number, 0 or more (given \"99999999999\").", "report", "pending-pickups",
                        "--days", "99999999999", "--out", "{DIR}/r.pdf"),
                row("report --format xml", "Unknown format \"xml\": use pdf or csv.", "report", "daily-summary", "--date", "2026-11-27",
                        "--format", "xml", "--out", "{DIR}/r.pdf"),
                row("report --out into no folder", "The folder {DIR}/no does not exist.", "report", "daily-summary", "--date", "2026-11-27",
                        "--out", "{DIR}/no/r.pdf"),
                row("report -P without =", "--param does not take \"officer\": give NAME=VALUE.", "report", "daily-summary", "-P", "officer"));
    }

    private static Arguments row(String name, String expected, String... args) {
        return Arguments.of(name, expected, List.of(args));
    }

    private List<String> withFolder(List<String> args) {
        return args.stream().map(a -> a.replace("{DIR}", dir.toString())).toList();
    }

    private Path data() {
        return dir.resolve("data");
    }

    /** The arguments in English (unless the case is about --lang) and with a data folder of the test. */
    private String[] line(List<String> args) {
        List<String> all = new ArrayList<>(withFolder(args));
        if (!all.contains("--lang")) {
            all.addAll(List.of("--lang", "en"));
        }
        if (!all.contains("--data")) {
            all.addAll(List.of("--data", data().toString()));
        }
        return all.toArray(String[]::new);
    }

    private static void assertOneLineRefusal(int code, String out, String err, String expected) {
        assertThat(code).as(err).isEqualTo(2);
        assertThat(err).as("exactly one line on standard error").endsWith(NL);
        assertThat(err.strip()).isNotEmpty().doesNotContain("\n").doesNotContain("\r").contains(expected);
        assertThat(err).doesNotContain("Exception").doesNotContain("at id.loket").doesNotContain("Usage:");
        assertThat(out).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aBadValueIsRefusedInOneLineAndNothingIsCreated(String name, String expected, List<String> args) {
        Run run = Cli.loket(line(args));

        assertOneLineRefusal(run.code(), run.out(), run.err(), expected.replace("{DIR}", dir.toString()));
        assertThat(data()).as("no data folder for a refused option").doesNotExist();
        assertThat(dir.resolve("a.pdf")).doesNotExist();
        assertThat(dir.resolve("r.pdf")).doesNotExist();
    }

    @Test
    void picocliErrorsAreInIndonesianByDefault() {
        Run run = Cli.loket("sync", "--timeout", "abc", "--data", data().toString());

        assertOneLineRefusal(run.code(), run.out(), run.err(), "--timeout tidak menerima \"abc\": berikan bilangan bulat.");
        assertThat(Cli.loket("sync", "--bogus", "--data", data().toString()).err())
                .isEqualTo("loket sync tidak mengenal pilihan --bogus; \"loket sync --help\" menampilkan pilihannya." + NL);
    }

    @Test
    void theTokenIsNeverEchoed() {
        Run spaced = Cli.loket(line(List.of("sync", "--token", "rahasia kantor")));
        Run glued = Cli.loket(line(List.of("sync", "--tokn=rahasia-kantor-123")));
        Run password = Cli.loket(line(List.of("sync", "--central", "https://kantor:rahasia@central.example/api")));

        assertThat(spaced.err()).doesNotContain("rahasia");
        assertThat(glued.err().strip()).isEqualTo("loket sync has no option --tokn; \"loket sync --help\" lists its options.");
        assertThat(password.err()).doesNotContain("rahasia").contains("https://…@central.example/api");
    }

    @Test
    void aDataPathThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

        Run run = Cli.loket("export", "appointments", "--date", "2026-11-27", "--lang", "en", "--data", file.toString());

        assertOneLineRefusal(run.code(), run.out(), run.err(), "--data " + file + " is a file, not a folder.");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void helpStillWinsOverABadValue() {
        Run run = Cli.loket("sync", "--timeout", "0", "--help", "--data", data().toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: loket sync", "--timeout=SECONDS", "--central-ca=FILE");
        assertThat(run.err()).isEmpty();
        assertThat(data()).doesNotExist();
    }

    @Test
    void aPortInUseIsSaidInWords() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            Run run = Cli.loket("central-sim", "--lang", "en", "--token", "t", "--port", Integer.toString(port), "--count", "5");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("The central simulator cannot listen on 127.0.0.1: port " + port + " is in use. "
                    + "Stop what runs there or choose another --port (0 = any free port)." + NL);
            assertThat(run.err()).doesNotContain("Exception");
        }
    }

    /** The real {@code main} in a JVM of its own: the exit code the shell sees, and nothing but the one line. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("throughMain")
    void theRealMainRefusesInOneLineWithExitCode2(String name, String expected, List<String> args) throws Exception {
        ChildJvm.Result r = ChildJvm.run(dir.resolve("child"), line(args));

        assertOneLineRefusal(r.exitCode(), r.out(), r.err(), expected);
        assertThat(data()).doesNotExist();
    }

    static Stream<Arguments> throughMain() {
        return Stream.of(
                row("central-sim --port 99999", "--port must be 0 to 65535 (given 99999).", "central-sim", "--token", "t", "--port", "99999"),
                row("sync --timeout abc", "--timeout does not take \"abc\": give a whole number.", "sync", "--timeout", "abc"),
                row("staff add --role BOSS", "--role does not take \"BOSS\"", "staff", "add", "--username", "budi", "--name", "Budi", "--role", "BOSS"));
    }

    @Test
    void theTableCoversEveryCommand() {
        List<String> covered = refused().map(a -> ((List<?>) a.get()[2]).get(0).toString()).distinct().toList();

        assertThat(covered).containsAll(Arrays.asList("sync", "central-sim", "demo", "holidays", "export", "staff", "simulate", "print",
                "outbox", "report"));
    }
}
