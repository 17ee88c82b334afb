package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.common.model.UserFacingException;
import id.loket.report.model.Column;
import id.loket.report.model.ReportDefinition;
import id.loket.report.repo.ReportQuery;
import id.loket.report.service.ReportCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue is files: the shipped ones read, a new folder is a new report, a broken one is named. */
class ReportCatalogTest {

    @TempDir
    Path dir;

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
    void addingAFolderAddsAReport() throws Exception {
        Path r = Files.createDirectories(dir.resolve("staff-list"));
        Files.writeString(r.resolve("report.sql"), "select username, role from staff order by username");
        Files.writeString(r.resolve("layout.json"), "{\"title\": {\"id\": \"Daftar Staf\", \"en\": \"Staff\"},"
                + " \"columns\": [{\"name\": \"username\"}, {\"name\": \"role\"}]}");
        ReportCatalog catalog = ReportCatalog.fromFolder(dir);
        assertThat(catalog.get("staff-list").title().en()).isEqualTo("Staff");
        assertThat(catalog.overriddenBy(Reports.CATALOG).all()).hasSize(7);
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
                    {"reports/one/layout.json", "{\"title\": {\"id\": \"Satu\", \"en\": \"One\"}, \"columns\": [{\"name\": \"n\", \"format\": \"integer\"}]}"}}) {
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
        Files.writeString(r.resolve("layout.json"), "{\"title\": \"x\", \"columns\": []}");
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
