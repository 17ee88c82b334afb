package id.loket.report;

import id.loket.testing.TestSessions;
import id.loket.staff.service.Authorization;
import id.loket.app.AppContext;
import id.loket.common.i18n.Messages;
import id.loket.db.Database;
import id.loket.report.model.ReportDefinition;
import id.loket.report.model.ReportResult;
import id.loket.report.pdf.ReportPdf;
import id.loket.report.repo.ReportReader;
import id.loket.report.service.ReportCatalog;
import id.loket.report.service.ReportCsv;
import id.loket.report.service.ReportService;
import id.loket.testing.Csv;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** Running the shipped reports (from the project's {@code reports/} folder) in tests, and reading their output back. */
final class Reports {

    static final ReportCatalog CATALOG = ReportCatalog.fromFolder(Path.of("reports"));
    static final ReportPdf.Office OFFICE = new ReportPdf.Office("Kantor Imigrasi Kelas I TPI Denpasar", "Jl. D.I. Panjaitan No. 3, Denpasar, Bali");

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private Reports() {
    }

    /** The PostgreSQL role reports run as in the tests: what .ci/postgres-up makes, unless the environment names another. */
    static final String PG_REPORT_USER = or(System.getenv("LOKET_TEST_PG_REPORT_USER"), "loket_report");
    static final String PG_REPORT_PASSWORD = or(System.getenv("LOKET_TEST_PG_REPORT_PASSWORD"), "loket_report");

    private static String or(String s, String otherwise) {
        return s == null || s.isBlank() ? otherwise : s;
    }

    /** The report reader of a PostgreSQL test database (the role of .ci/postgres-up). */
    static ReportReader postgresReader(Database db) {
        return ReportReader.postgres(db, PG_REPORT_USER, PG_REPORT_PASSWORD);
    }

    /** Runs a shipped report as the reader {@code reader} (read only), as the supervisor. */
    static ReportResult run(ReportReader reader, Clock clock, String name, String... params) {
        return run(reader, clock, CATALOG.get(name), params);
    }

    static ReportResult run(ReportReader reader, Clock clock, ReportDefinition def, String... params) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            given.put(params[i], params[i + 1]);
        }
        Database db = reader.database();
        ReportService service = new ReportService(reader, db.dsl(), "DPS", ReportScenario.ZONE, clock, new Authorization(db));
        return service.run(TestSessions.reader(db), def, service.parameters(def, given));
    }

    static ReportResult run(AppContext app, Clock clock, String name, String... params) {
        return run(app.reportReader(), clock, name, params);
    }

    /** The CSV's rows by their first field (the header row under its first column name). */
    static Map<String, List<String>> csvByFirst(ReportResult r) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (List<String> row : Csv.parse(new String(ReportCsv.write(r, ReportScenario.ZONE), StandardCharsets.UTF_8))) {
            out.put(row.get(0), row);
        }
        return out;
    }

    static byte[] pdf(ReportResult r, String language) {
        return ReportPdf.render(r, OFFICE, Messages.forLanguage(language), ReportScenario.ZONE);
    }

    static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int pages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pageText(byte[] pdf, int page) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(page);
            s.setEndPage(page);
            return s.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean pdfA2b(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            return validator.validate(parser).isCompliant();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
