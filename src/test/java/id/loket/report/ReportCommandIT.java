package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.report.service.ReportCatalog;
import id.loket.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loket report} as a scheduled job runs it: files written whole, one-line refusals, nothing left behind. */
class ReportCommandIT {

    @TempDir
    static Path dir;

    private static Path data;
    /** The administrator's folder of reports (setting reports.dir): one report that reads what it may, one planted. */
    private static Path adminReports;

    @BeforeAll
    static void seed() throws Exception {
        data = dir.resolve("data");
        adminReports = Files.createDirectories(dir.resolve("admin-reports"));
        String layout = "{\"title\": {\"id\": \"T\", \"en\": \"T\"}, \"roles\": [\"SUPERVISOR\"], \"columns\": [{\"name\": \"%s\"}]}";
        Path cases = Files.createDirectories(adminReports.resolve("case-count"));
        Files.writeString(cases.resolve("layout.json"), String.format(layout, "n"));
        Files.writeString(cases.resolve("report.sql"), "SELECT COUNT(*) AS n FROM case_file");
        Path planted = Files.createDirectories(adminReports.resolve("staff-dump"));
        Files.writeString(planted.resolve("layout.json"), String.format(layout, "password_hash"));
        Files.writeString(planted.resolve("report.sql"), "SELECT username, password_hash FROM staff");
        try (ReportScenario day = new ReportScenario(data)) { // closed at once: the command opens the data folder itself
            day.app().settings().put(ReportCatalog.FOLDER_SETTING, adminReports.toString());
        }
    }

    private static Cli.Run report(String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("report"));
        all.addAll(java.util.List.of(args));
        all.addAll(java.util.List.of("--data", data.toString()));
        if (!all.contains("--list")) {
            all.addAll(Cli.signIn("supervisor"));
        }
        return Cli.loket(all.toArray(String[]::new));
    }

    private static Path out(String name) {
        return dir.resolve("out").resolve(name);
    }

    @Test
    void writesTheDailySummaryAsCsv() throws Exception {
        Files.createDirectories(out("x").getParent());
        Cli.Run run = report("daily-summary", "--date", "2026-11-27", "--format", "csv", "--out", out("summary.csv").toString());
        assertThat(run.code()).as(run.err()).isZero();
        String csv = Files.readString(out("summary.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("figure,total,svc_new,svc_renewal,svc_lost,svc_damaged\r\n")
                .contains("arrivals,6,3,3,0,0\r\n", "served,3,1,2,0,0\r\n", "on_hold,1,1,0,0,0\r\n", "pickups,1,0,1,0,0\r\n");
        assertThat(run.out()).contains("daily-summary", "summary.csv");
    }

    @Test
    void writesAPdfInEnglishWithLang() throws Exception {
        Files.createDirectories(out("x").getParent());
        Cli.Run run = report("wait-times", "--date", "2026-11-27", "--out", out("waits.pdf").toString(), "--lang", "en");
        assertThat(run.code()).as(run.err()).isZero();
        byte[] pdf = Files.readAllBytes(out("waits.pdf"));
        assertThat(Reports.text(pdf)).contains("Wait Times", "08:00 3 3 20.0 20.0 28.0", "Page 1 of 1", "by supervisor");
    }

    @Test
    void listsTheCatalogue() {
        Cli.Run run = report("--list");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("daily-summary\tRingkasan Harian", "officer-throughput", "wait-times", "outage-log", "fees",
                "pending-pickups", "case-count", "staff-dump");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theOptionToNameAnotherCatalogueIsGone() {
        Cli.Run run = report("--list", "--reports", Path.of("reports").toAbsolutePath().toString());
        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("--reports");
    }

    @Test
    void aReportOfTheAdministratorsFolderRunsAsTheReader() throws Exception {
        Files.createDirectories(out("x").getParent());
        Cli.Run run = report("case-count", "--out", out("cases.csv").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readString(out("cases.csv"), StandardCharsets.UTF_8)).isEqualTo("n\r\n6\r\n");
    }

    @Test
    void aPlantedReportThatReadsPasswordHashesIsRefusedInOneLineAndWritesNothing() throws Exception {
        Files.createDirectories(out("x").getParent());
        Cli.Run run = report("staff-dump", "--out", out("hashes.csv").toString(), "--lang", "en");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("Report \"staff-dump\" is refused: a report may only read the data reports are allowed to")
                .contains("staff").doesNotContain("\n").doesNotContain("Exception");
        assertThat(out("hashes.csv")).doesNotExist();
    }

    @Test
    void anUnknownReportIsRefusedInOneLineAndWritesNothing() throws Exception {
        Files.createDirectories(out("x").getParent());
        Cli.Run run = report("daily-sumary", "--date", "2026-11-27", "--out", out("none.pdf").toString(), "--lang", "en");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("There is no report \"daily-sumary\". The reports are: case-count, daily-summary, fees,")
                .doesNotContain("\n");
        assertThat(out("none.pdf")).doesNotExist();
    }

    @Test
    void aBadDateIsRefused() throws Exception {
        Files.createDirectories(out("x").getParent());
        Cli.Run run = report("daily-summary", "--date", "27-11-2026", "--out", out("bad.pdf").toString(), "--lang", "en");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("--date must be a date YYYY-MM-DD (given \"27-11-2026\").");
        assertThat(out("bad.pdf")).doesNotExist();
        Cli.Run before = report("daily-summary", "--date", "2026-11-27", "--to", "2026-11-01", "--out", out("bad.pdf").toString());
        assertThat(before.err().strip()).isEqualTo("--to 2026-11-01 lebih awal dari --date 2026-11-27.");
    }

    @Test
    void aMissingParameterIsNamed() throws Exception {
        Files.createDirectories(out("x").getParent());
        Cli.Run run = report("daily-summary", "--out", out("missing.csv").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("Laporan \"daily-summary\" memerlukan --date.");
        Cli.Run officer = report("daily-summary", "--date", "2026-11-27", "--officer", "petugas1", "--out", out("missing.csv").toString(),
                "--lang", "en");
        assertThat(officer.err().strip()).isEqualTo("Report \"daily-summary\" does not take --officer.");
        Cli.Run format = report("daily-summary", "--date", "2026-11-27", "--format", "xls", "--out", out("missing.csv").toString(),
                "--lang", "en");
        assertThat(format.err().strip()).isEqualTo("Unknown format \"xls\": use pdf or csv.");
        assertThat(out("missing.csv")).doesNotExist();
        try (Stream<Path> left = Files.list(out("x").getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
