package id.loket.report.pdf;

import id.loket.document.DocumentRenderer;
import id.loket.common.i18n.Messages;
import id.loket.common.pdf.PdfFonts;
import id.loket.common.pdf.PdfGraphics;
import id.loket.common.pdf.PdfText;
import id.loket.report.model.Chart;
import id.loket.report.model.Column;
import id.loket.report.model.Parameter;
import id.loket.report.model.ReportDefinition;
import id.loket.report.model.ReportResult;
import id.loket.report.model.Values;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A report as PDF/A-2b, A4 (landscape when the table has more than six columns): the office's
 * letterhead, the title and the parameters, the table with its headings repeated on every page,
 * a totals row, an optional chart drawn by JFreeChart ({@link ReportChart}) straight into the
 * page as vector graphics (paths, text as text, through {@link PdfGraphics}),
 * and on every page "Halaman X dari Y" and "Dibuat pada … oleh …" in the office's time zone.
 * Fonts are the embedded DejaVu Sans of the other documents.
 */
public final class ReportPdf {

    private static final float MARGIN = 42f;
    private static final float BODY = 9f;
    private static final float MIN_BODY = 6f;
    private static final float PAD = 3f;
    private static final float FOOTER = 28f;
    private static final float CHART_HEIGHT = 200f;
    private static final float[] INK = {0.1f, 0.1f, 0.1f};
    private static final float[] GREY = {0.45f, 0.45f, 0.45f};
    private static final float[] RULE = {0.7f, 0.7f, 0.7f};
    private static final float[] SHADE = {0.92f, 0.92f, 0.92f};

    /** The office at the top of the first page. */
    public record Office(String name, String address) {
    }

    private final ReportResult result;
    private final ReportDefinition def;
    private final Office office;
    private final Messages m;
    private final Values values;
    private final ZoneId zone;
    private final String footerNote;
    private PDDocument doc;
    private PdfFonts fonts;
    private PDFont regular;
    private PDFont bold;
    private PDRectangle size;
    private PDPageContentStream cs;
    private float y;
    private float size9 = BODY;

    private ReportPdf(ReportResult result, Office office, Messages m, ZoneId zone, String footerNote) {
        this.footerNote = footerNote;
        this.result = result;
        this.def = result.definition();
        this.office = office;
        this.m = m;
        this.values = new Values(m.language(), zone);
        this.zone = zone;
    }

    /** Renders the report in the language of {@code m}. */
    public static byte[] render(ReportResult result, Office office, Messages m, ZoneId zone) {
        return render(result, office, m, zone, null);
    }

    /**
     * The same with one more line under the footer of every page, in the caller's words (the
     * daily summary carries the audit chain's head there); null or blank for none.
     */
    public static byte[] render(ReportResult result, Office office, Messages m, ZoneId zone, String footerNote) {
        return new ReportPdf(result, office, m, zone, footerNote).render();
    }

    private byte[] render() {
        try (PDDocument d = new PDDocument()) {
            doc = d;
            fonts = PdfFonts.load(doc);
            regular = fonts.regular();
            bold = fonts.bold();
            size = def.columns().size() > 6 ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
            newPage();
            heading();
            table();
            chart();
            cs.close();
            footers();
            archival();
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    private float bottom() {
        return MARGIN + FOOTER;
    }

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(size);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = size.getHeight() - MARGIN;
    }

    private void heading() throws IOException {
        text(office.name(), bold, 12, MARGIN, y - 12, INK);
        y -= 16;
        if (!office.address().isBlank()) {
            text(office.address(), regular, 9, MARGIN, y - 9, GREY);
            y -= 13;
        }
        rule(y - 2, 0.8f, INK);
        y -= 22;
        text(def.title().in(m.language()), bold, 15, MARGIN, y, INK);
        y -= 8;
        String description = def.description().in(m.language());
        if (!description.isBlank()) {
            for (String line : wrap(description, regular, 8.5f, width())) {
                y -= 11;
                text(line, regular, 8.5f, MARGIN, y, GREY);
            }
        }
        y -= 4;
        for (Parameter p : def.parameters()) {
            Object v = result.parameters().get(p.name());
            String label = p.label().in(m.language()).isBlank() ? p.name() : p.label().in(m.language());
            y -= 13;
            text(label + ":", bold, 9, MARGIN, y, INK);
            text(v == null ? m.get("report.pdf.all") : values.parameter(v), regular, 9, MARGIN + 110, y, INK);
        }
        y -= 14;
    }

    // ---- the table ----

    private List<Column> columns() {
        return def.columns();
    }

    private float[] widths;

    private void table() throws IOException {
        List<Column> cols = columns();
        List<String[]> cells = new ArrayList<>();
        Object previousGroup = null;
        List<Boolean> groupStarts = new ArrayList<>();
        for (Map<String, Object> row : result.rows()) {
            String[] line = new String[cols.size()];
            boolean start = false;
            for (int i = 0; i < cols.size(); i++) {
                Column c = cols.get(i);
                Object v = row.get(c.name());
                line[i] = values.display(c, v);
                if (c.name().equals(def.groupBy())) {
                    start = !Objects.equals(v, previousGroup);
                    if (!start) {
                        line[i] = "";
                    }
                    previousGroup = v;
                }
            }
            cells.add(line);
            groupStarts.add(start && !cells.isEmpty());
        }
        String[] totals = null;
        if (!def.totals().isEmpty()) {
            totals = new String[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                Column c = cols.get(i);
                totals[i] = def.totals().contains(c.name()) ? values.display(c, result.total(c.name())) : (i == 0 ? m.get("report.pdf.total") : "");
            }
        }
        String[] headers = new String[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            String label = cols.get(i).label().in(m.language());
            headers[i] = label.isBlank() ? cols.get(i).name() : label;
        }
        layoutWidths(headers, cells, totals);
        header(headers);
        if (cells.isEmpty()) {
            y -= size9 + 6;
            text(m.get("report.pdf.noRows"), regular, size9, MARGIN + PAD, y, GREY);
            y -= 6;
        }
        for (int r = 0; r < cells.size(); r++) {
            boolean groupLine = def.groupBy() != null && groupStarts.get(r) && r > 0;
            row(cells.get(r), headers, regular, groupLine, r % 2 == 1);
        }
        if (totals != null) {
            row(totals, headers, bold, true, false);
        }
    }

    private void layoutWidths(String[] headers, List<String[]> cells, String[] totals) {
        int n = headers.length;
        float[] natural = new float[n];
        for (int i = 0; i < n; i++) {
            natural[i] = Math.min(measure(headers[i], bold, BODY), 140f);
            for (String[] line : cells) {
                natural[i] = Math.max(natural[i], measure(line[i], regular, BODY));
            }
            if (totals != null) {
                natural[i] = Math.max(natural[i], measure(totals[i], bold, BODY));
            }
            natural[i] += 2 * PAD;
        }
        float sum = 0;
        for (float w : natural) {
            sum += w;
        }
        // the text part of every column scales alike; the padding stays
        float pads = 2 * PAD * n;
        float scale = (width() - pads) / Math.max(1f, sum - pads);
        size9 = scale < 1 ? Math.max(MIN_BODY, BODY * scale * 0.98f) : BODY;
        widths = new float[n];
        for (int i = 0; i < n; i++) {
            widths[i] = (natural[i] - 2 * PAD) * scale + 2 * PAD;
        }
    }

    private List<List<String>> wrapRow(String[] line, PDFont font) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < line.length; i++) {
            out.add(wrap(line[i], font, size9, widths[i] - 2 * PAD));
        }
        return out;
    }

    private static int height(List<List<String>> wrapped) {
        int lines = 1;
        for (List<String> w : wrapped) {
            lines = Math.max(lines, w.size());
        }
        return lines;
    }

    private float lineHeight() {
        return size9 * 1.3f;
    }

    private void header(String[] headers) throws IOException {
        List<List<String>> wrapped = wrapRow(headers, bold);
        float h = height(wrapped) * lineHeight() + 2 * PAD;
        cs.setNonStrokingColor(SHADE[0], SHADE[1], SHADE[2]);
        cs.addRect(MARGIN, y - h, width(), h);
        cs.fill();
        cells(wrapped, bold, y, true);
        y -= h;
        rule(y, 0.8f, INK);
    }

    private void row(String[] line, String[] headers, PDFont font, boolean ruleAbove, boolean shade) throws IOException {
        List<List<String>> wrapped = wrapRow(line, font);
        float h = height(wrapped) * lineHeight() + 2 * PAD;
        if (y - h < bottom()) {
            newPage();
            header(headers);
        }
        if (shade) {
            cs.setNonStrokingColor(0.97f, 0.97f, 0.97f);
            cs.addRect(MARGIN, y - h, width(), h);
            cs.fill();
        }
        if (ruleAbove) {
            rule(y, 0.6f, font == bold ? INK : RULE);
        }
        cells(wrapped, font, y, false);
        y -= h;
    }

    private void cells(List<List<String>> wrapped, PDFont font, float top, boolean header) throws IOException {
        float x = MARGIN;
        for (int i = 0; i < wrapped.size(); i++) {
            boolean right = columns().get(i).numeric();
            float base = top - PAD - size9;
            for (String part : wrapped.get(i)) {
                float tx = right ? x + widths[i] - PAD - measure(part, font, size9) : x + PAD;
                text(part, font, size9, tx, base, INK);
                base -= lineHeight();
            }
            x += widths[i];
        }
    }

    // ---- the chart ----

    private void chart() throws IOException {
        Chart chart = def.chart();
        if (chart == null || result.rows().isEmpty() || chart.values().isEmpty()) {
            return;
        }
        float needed = CHART_HEIGHT + 60;
        if (y - needed < bottom()) {
            newPage();
        }
        y -= 18;
        String title = chart.title().in(m.language());
        if (!title.isBlank()) {
            text(title, bold, 10, MARGIN, y, INK);
        }
        y -= 6;
        float height = CHART_HEIGHT + 30;
        PdfGraphics g2 = new PdfGraphics(cs, fonts, MARGIN, y);
        try {
            ReportChart.of(chart, def, result, values).draw(g2, new Rectangle2D.Double(0, 0, width(), height));
        } finally {
            g2.finish();
        }
        y -= height + 10;
    }

    // ---- every page ----

    private void footers() throws IOException {
        int pages = doc.getNumberOfPages();
        String generated = m.get("report.pdf.generated", values.dateTime(result.generatedAt()), result.generatedBy());
        for (int p = 0; p < pages; p++) {
            PDPage page = doc.getPage(p);
            try (PDPageContentStream foot = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs = foot;
                rule(MARGIN + 14, 0.5f, RULE);
                text(generated, regular, 7.5f, MARGIN, MARGIN + 3, GREY);
                String number = m.get("report.pdf.page", p + 1, pages);
                text(number, regular, 7.5f, size.getWidth() - MARGIN - measure(number, regular, 7.5f), MARGIN + 3, GREY);
                if (footerNote != null && !footerNote.isBlank()) {
                    text(footerNote, regular, 7f, MARGIN, MARGIN - 7, GREY);
                }
            }
        }
    }

    private void rule(float at, float width, float[] colour) throws IOException {
        cs.setStrokingColor(colour[0], colour[1], colour[2]);
        cs.setLineWidth(width);
        cs.moveTo(MARGIN, at);
        cs.lineTo(MARGIN + width(), at);
        cs.stroke();
    }

    private void text(String s, PDFont font, float fontSize, float x, float baseline, float[] colour) throws IOException {
        if (s == null || s.isEmpty()) {
            return;
        }
        cs.setNonStrokingColor(colour[0], colour[1], colour[2]);
        cs.beginText();
        cs.setFont(font, fontSize);
        cs.newLineAtOffset(x, baseline);
        cs.showText(clean(s));
        cs.endText();
    }

    private static String clean(String s) {
        return PdfText.clean(s);
    }

    private static float measure(String text, PDFont font, float s) {
        return PdfText.measure(text, font, s);
    }

    private static List<String> wrap(String text, PDFont font, float s, float w) {
        return PdfText.wrap(text, font, s, w);
    }

    /** PDF/A-2b: XMP metadata (pdfaid 2/B) agreeing with the document information, and an sRGB output intent. */
    private void archival() throws IOException {
        DocumentRenderer.archival(doc, def.title().in(m.language()), office.name(), m.language(), zone, result.generatedAt());
    }
}
