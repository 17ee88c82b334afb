package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.report.model.Chart;
import id.loket.report.model.Column;
import id.loket.report.model.Format;
import id.loket.report.model.Parameter;
import id.loket.report.model.ReportDefinition;
import id.loket.report.model.ReportResult;
import id.loket.report.model.Text;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

/** The PDF of a long report: pages, repeated headings, page numbers, a vector chart, PDF/A-2b. */
class ReportPdfTest {

    private static ReportResult longReport(int rows) {
        ReportDefinition def = new ReportDefinition("test-long", new Text("Laporan Panjang", "Long Report"), new Text("", ""),
                List.of(new Parameter("date", "date", true, null, new Text("Tanggal", "Date"))), "select 1",
                List.of(new Column("name", new Text("Nama pemohon", "Applicant"), Format.TEXT, Map.of()),
                        new Column("n", new Text("Jumlah", "Count"), Format.INTEGER, Map.of()),
                        new Column("fee", new Text("Biaya", "Fee"), Format.RUPIAH, Map.of())),
                null, List.of("n", "fee"), new Chart(Chart.Kind.BAR, "name", List.of("n"), new Text("Grafik", "Chart")),
                java.util.Set.of(id.loket.staff.model.Role.SUPERVISOR));
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", "Ni Luh Putu Ayu Sri Wahyuni " + i);
            row.put("n", (long) i);
            row.put("fee", 650_000L);
            data.add(row);
        }
        return new ReportResult(def, Map.of("date", LocalDate.of(2026, 11, 27)), data, Instant.parse("2026-11-27T08:00:00Z"), "supervisor");
    }

    @Test
    void aLongReportSpansPagesWithHeadingsOnEveryPage() {
        byte[] pdf = Reports.pdf(longReport(150), "id");
        int pages = Reports.pages(pdf);
        assertThat(pages).isGreaterThan(2);
        for (int p = 1; p <= pages; p++) {
            String page = Reports.pageText(pdf, p);
            assertThat(page).contains("Halaman " + p + " dari " + pages, "Dibuat pada 27 November 2026 16.00 WITA oleh supervisor");
            if (p < pages) {
                assertThat(page).contains("Nama pemohon Jumlah Biaya");
            }
        }
        String text = Reports.text(pdf);
        assertThat(text).contains("Ni Luh Putu Ayu Sri Wahyuni 1 1 Rp650.000", "Ni Luh Putu Ayu Sri Wahyuni 150 150 Rp650.000",
                "Jumlah 11.325 Rp97.500.000", "Tanggal: 27 November 2026");
        assertThat(Reports.pdfA2b(pdf)).isTrue();
    }

    @Test
    void inEnglishThePagesSayPageXOfY() {
        byte[] pdf = Reports.pdf(longReport(150), "en");
        int pages = Reports.pages(pdf);
        assertThat(Reports.text(pdf)).contains("Page 1 of " + pages, "Applicant Count Fee", "Total 11,325 Rp97,500,000",
                "Generated at 27 November 2026 16:00");
    }

    @Test
    void theChartIsVectorGraphicsNotAnImage() throws IOException {
        byte[] pdf = Reports.pdf(longReport(8), "id");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    assertThat(page.getResources().isImageXObject(name)).isFalse();
                }
            }
        }
        assertThat(Reports.text(pdf)).contains("Grafik");
        assertThat(Reports.pdfA2b(pdf)).isTrue();
    }
}
