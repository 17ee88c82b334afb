package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.common.model.UserFacingException;
import id.loket.report.model.Column;
import id.loket.report.model.ReportDefinition;
import id.loket.report.model.ReportSql;
import id.loket.report.repo.ReportQuery;
import id.loket.report.service.ReportCatalog;
import id.loket.staff.model.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue is files: the shipped ones read, a new folder of the administrator's (setting
 * reports.dir) is a new report, a broken one is named; the working directory is never read, a
 * built-in report is never replaced, a folder others may write to is not read, and each report
 * says which roles may run it.
 */
class ReportCatalogTest {

    @TempDir
    Path dir;

    private static final String ROLES = "\"roles\": [\"SUPERVISOR\"], ";

    /** A report folder {@code name} under {@code folder}. */
    private static Path report(Path folder, String name, String layout, String sql) throws Exception {
        Path r = Files.createDirectories(folder.resolve(name));
        Files.writeString(r.resolve("report.sql"), sql);
        Files.writeString(r.resolve("layout.json"), layout);
        return r;
    }

    private static String layout(String title, String roles) {
        return "{\"title\": {\"id\": \"" + title + "\", \"en\": \"" + title + "\"}, " + roles + "\"columns\": [{\"name\": \"n\"}]}";
    }

    private ReportCatalog load(Path folder) {
        return ReportCatalog.load(getClass().getClassLoader(), Optional.of(folder.toString()));
    }

    @Test
    void theShippedReportsAreRead() {
        List<String> names = new ArrayList<>();
        Reports.CATALOG.all().forEach(d -> names.add(d.name()));
        assertThat(names).containsExactly("daily-summary", "fees", "officer-throughput", "outage-log", "pending-pickups", "wait-times");
        for (ReportDefinition d : Reports.CATALOG.all()) {
            assertThat(d.title().id()).as(d.name()).isNotBlank();
            assertThat(d.title().en()).as(d.name()).isNotBlank().isNotEqualTo(d.title().id());
            for (Column c : d.columns()) {
                assertThat(c.label().id()).as(d.name() + "." + c.name()).isNotBlank();
                assertThat(c.label().en()).as(d.name() + "." + c.name()).isNotBlank();
            }
            for (String used : ReportQuery.names(d.sql())) {
                assertThat(d.parameter(used).isPresent() || List.of("office", "from_at", "until_at").contains(used))
                        .as(d.name() + " uses :" + used).isTrue();
            }
            d.totals().forEach(t -> assertThat(d.columns()).as(d.name()).anyMatch(c -> c.name().equals(t)));
        }
    }

    @Test
    void addingAFolderToTheAdministratorsFolderAddsAReport() throws Exception {
        report(dir, "holiday-list", "{\"title\": {\"id\": \"Hari Libur\", \"en\": \"Holidays\"}, " + ROLES
                + "\"columns\": [{\"name\": \"holiday_date\"}, {\"name\": \"name\"}]}", "select holiday_date, name from holiday order by holiday_date");
        ReportCatalog catalog = load(dir);
        assertThat(catalog.get("holiday-list").title().en()).isEqualTo("Holidays");
        assertThat(catalog.all()).hasSize(7);
        assertThat(catalog.problems()).isEmpty();
    }

    @Test
    void withoutTheSettingTheCatalogueIsTheBuiltInOne() {
        assertThat(ReportCatalog.load(getClass().getClassLoader(), Optional.empty()).all())
                .isEqualTo(ReportCatalog.fromClassPath(getClass().getClassLoader()).all());
        assertThat(ReportCatalog.load(getClass().getClassLoader(), Optional.of("  ")).all()).hasSize(6);
    }

    @Test
    void theWorkingDirectorysReportsFolderIsNeverRead() throws Exception {
        assertThat(Path.of("reports", "daily-summary", "report.sql")).exists(); // the tests run in the project: reports/ is right here
        try (java.net.URLClassLoader nothingBuiltIn = new java.net.URLClassLoader(new java.net.URL[0], null)) {
            assertThat(ReportCatalog.load(nothingBuiltIn, Optional.empty()).all()).isEmpty();
            ReportCatalog relative = ReportCatalog.load(nothingBuiltIn, Optional.of("reports"));
            assertThat(relative.all()).isEmpty();
            assertThat(relative.problems()).singleElement().satisfies(p -> assertThat(p.key()).isEqualTo("report.folderNotAbsolute"));
        }
    }

    @Test
    void aReportWithTheNameOfABuiltInOneIsNotLoadedAndSaysSo() throws Exception {
        report(dir, "daily-summary", layout("Planted", ROLES), "select count(*) as n from audit_log");
        report(dir, "extra", layout("Extra", ROLES), "select 1 as n");
        ReportCatalog catalog = load(dir);
        assertThat(catalog.get("daily-summary").title().en()).isEqualTo("Daily Summary");
        assertThat(catalog.get("daily-summary").sql()).doesNotContain("audit_log)");
        assertThat(catalog.get("extra").title().en()).isEqualTo("Extra");
        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("report.shadowsBuiltIn");
            assertThat(p.args()).containsExactly("daily-summary", dir.toString());
            assertThat(id.loket.common.i18n.Messages.forLanguage("en").of(p))
                    .isEqualTo("Report \"daily-summary\" in " + dir + " is not loaded: it has the name of a built-in report. Give it another name.");
        });
    }

    @Test
    void aFolderOthersMayWriteToIsNotRead() throws Exception {
        report(dir, "extra", layout("Extra", ROLES), "select 1 as n");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        ReportCatalog catalog = load(dir);
        assertThat(catalog.find("extra")).isEmpty();
        assertThat(catalog.all()).hasSize(6);
        assertThat(catalog.problems()).singleElement().satisfies(p -> assertThat(p.key()).isEqualTo("report.folderUnsafe"));
    }

    @Test
    void aReportFileItsGroupMayWriteIsNotLoaded() throws Exception {
        Path extra = report(dir, "extra", layout("Extra", ROLES), "select 1 as n");
        report(dir, "other", layout("Other", ROLES), "select 2 as n");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(extra.resolve("report.sql"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        ReportCatalog catalog = load(dir);
        assertThat(catalog.find("extra")).isEmpty();
        assertThat(catalog.find("other")).isPresent();
        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("report.reportUnsafe");
            assertThat(p.args()[0]).isEqualTo("extra");
        });
    }

    @Test
    void aBrokenReportInTheAdministratorsFolderIsLeftOutAndTheRestLoads() throws Exception {
        report(dir, "no-roles", layout("No roles", ""), "select 1 as n");
        report(dir, "counter-role", layout("Counter", "\"roles\": [\"COUNTER\"], "), "select 1 as n");
        report(dir, "boss-role", layout("Boss", "\"roles\": [\"BOSS\"], "), "select 1 as n");
        report(dir, "two-statements", layout("Two", ROLES), "select 1 as n; delete from audit_log");
        report(dir, "a-delete", layout("Delete", ROLES), "-- tidy up\ndelete from audit_log");
        report(dir, "fine", layout("Fine", ROLES), "select 1 as n;\n");
        ReportCatalog catalog = load(dir);
        assertThat(catalog.find("fine")).isPresent();
        assertThat(catalog.all()).hasSize(7);
        assertThat(catalog.problems()).extracting(UserFacingException::key).containsExactly(
                "report.notAQuery", "report.badRole", "report.badRole", "report.noRoles", "report.multipleStatements");
        assertThat(id.loket.common.i18n.Messages.forLanguage("en").of(catalog.problems().get(3)))
                .isEqualTo("Report \"no-roles\" is not loaded: its layout.json does not say who may run it (\"roles\", e.g. [\"SUPERVISOR\"]; allowed: SUPERVISOR, ADMIN).");
    }

    @Test
    void eachShippedReportSaysWhichRolesMayRunIt() {
        for (ReportDefinition d : Reports.CATALOG.all()) {
            assertThat(d.roles()).as(d.name()).isNotEmpty().contains(Role.SUPERVISOR).doesNotContain(Role.COUNTER);
            assertThat(d.mayRun(Role.SUPERVISOR)).as(d.name()).isTrue();
            assertThat(d.mayRun(Role.COUNTER)).as(d.name()).isFalse();
            assertThat(d.mayRun(null)).as(d.name()).isFalse();
        }
        assertThat(Reports.CATALOG.get("daily-summary").mayRun(Role.ADMIN)).isTrue();
        assertThat(Reports.CATALOG.get("pending-pickups").mayRun(Role.ADMIN)).as("names of applicants").isFalse();
        assertThat(Reports.CATALOG.get("officer-throughput").mayRun(Role.ADMIN)).isFalse();
        assertThat(Reports.CATALOG.runnableBy(Role.ADMIN)).extracting(ReportDefinition::name)
                .containsExactly("daily-summary", "fees", "outage-log", "wait-times");
        assertThat(Reports.CATALOG.runnableBy(Role.SUPERVISOR)).hasSize(6);
        assertThat(Reports.CATALOG.runnableBy(Role.COUNTER)).isEmpty();
    }

    @Test
    void oneQueryOnly() {
        for (String fine : List.of("select 1", "SELECT 1;", "select 1 ;\n ; \n", "-- a comment; with a semicolon\nselect 1",
                "(select 1) union all (select 2)", "with x as (select 1 as n) select n from x", "values (1)", "table holiday",
                "select ';' as \"a;b\", 'it''s; fine' -- ok; too\n from holiday;")) {
            ReportSql.requireOneQuery("r", fine);
        }
        for (String[] bad : new String[][] {
                {"select 1; select 2", "report.multipleStatements"},
                {"select 'it''s' as x; delete from audit_log", "report.multipleStatements"},
                {"select '--' as x; delete from audit_log", "report.multipleStatements"},
                {"select \"--\" from t; delete from audit_log", "report.multipleStatements"},
                {"select 1 /* ; */", "report.unclearSql"},
                {"select $$ -- $$; delete from audit_log", "report.unclearSql"},
                {"select E'\\' -- '; delete from audit_log", "report.unclearSql"},
                {"select 1; delete from audit_log;", "report.multipleStatements"},
                {"delete from audit_log", "report.notAQuery"},
                {"update staff set role = 'ADMIN'", "report.notAQuery"},
                {"CALL CSVWRITE('/tmp/x.csv', 'SELECT * FROM staff')", "report.notAQuery"},
                {"SCRIPT TO '/tmp/x.sql'", "report.notAQuery"},
                {"create alias x for 'java.lang.System.exit'", "report.notAQuery"},
                {"-- select\n shutdown", "report.notAQuery"},
                {"", "report.notAQuery"}}) {
            assertThatThrownBy(() -> ReportSql.requireOneQuery("r", bad[0])).as(bad[0])
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo(bad[1]));
        }
    }

    @Test
    void theBuildBundlesTheReportsOnTheClassPath() {
        List<String> bundled = new ArrayList<>();
        ReportCatalog.fromClassPath(getClass().getClassLoader()).all().forEach(d -> bundled.add(d.name()));
        List<String> folder = new ArrayList<>();
        Reports.CATALOG.all().forEach(d -> folder.add(d.name()));
        assertThat(bundled).isEqualTo(folder);
    }

    @Test
    void reportsInsideAJarAreRead() throws Exception {
        Path jar = dir.resolve("app.jar");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            for (String[] entry : new String[][] {{"reports/", null}, {"reports/one/", null},
                    {"reports/one/report.sql", "select 1 as n"},
                    {"reports/one/layout.json", "{\"title\": {\"id\": \"Satu\", \"en\": \"One\"}, " + ROLES
                            + "\"columns\": [{\"name\": \"n\", \"format\": \"integer\"}]}"}}) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry[0]));
                if (entry[1] != null) {
                    zip.write(entry[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            assertThat(ReportCatalog.fromClassPath(loader).get("one").title().en()).isEqualTo("One");
        }
    }

    @Test
    void aBrokenDefinitionIsNamed() throws Exception {
        Path r = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(r.resolve("report.sql"), "select 1");
        Files.writeString(r.resolve("layout.json"), "{\"title\": \"x\", " + ROLES + "\"columns\": []}");
        assertThatThrownBy(() -> ReportCatalog.fromFolder(dir)).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.key()).isEqualTo("report.badDefinition");
            assertThat(e.args()[0]).isEqualTo("broken");
        });
    }

    @Test
    void namedParametersOutsideQuotesCommentsAndCasts() {
        assertThat(ReportQuery.names("select ':no', x::text, \"a:b\" -- :comment\n from t where d = :date and o = :Officer or d <= :date"))
                .containsExactly("date", "officer");
    }
}
