package id.loket.report.service;

import id.loket.report.model.Column;
import id.loket.report.model.ReportResult;
import id.loket.report.model.Values;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A report as CSV (RFC 4180: comma, CRLF, fields quoted when they hold a comma, quote or line
 * break, quotes doubled), UTF-8 without a byte-order mark. The first row holds the column
 * names of the definition (stable codes, not the translated headings); values are machine
 * values ({@link Values#csv}); codes stay codes. A report with totals ends with a row whose
 * first field is {@code total}.
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static byte[] write(ReportResult result, ZoneId zone) {
        Values values = new Values("en", zone);
        List<Column> columns = result.definition().columns();
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        columns.forEach(c -> header.add(c.name()));
        line(out, header);
        for (Map<String, Object> row : result.rows()) {
            List<String> fields = new ArrayList<>();
            columns.forEach(c -> fields.add(values.csv(c, row.get(c.name()))));
            line(out, fields);
        }
        if (!result.definition().totals().isEmpty()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                if (result.definition().totals().contains(c.name())) {
                    fields.add(values.csv(c, result.total(c.name())));
                } else {
                    fields.add(i == 0 ? "total" : "");
                }
            }
            line(out, fields);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\r") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
