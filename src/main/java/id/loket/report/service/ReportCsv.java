package id.loket.report.service;

import id.loket.common.csv.Csv;
import id.loket.report.model.Column;
import id.loket.report.model.ReportResult;
import id.loket.report.model.Values;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A report as CSV (RFC 4180: comma, CRLF, fields quoted when they hold a comma, quote or line
 * break, quotes doubled), UTF-8 without a byte-order mark. The first row holds the column
 * names of the definition (stable codes, not the translated headings); values are machine
 * values ({@link Values#csv}); codes stay codes. A report with totals ends with a row whose
 * first field is {@code total}. Written by jackson-dataformat-csv, quoting checked strictly (only
 * the characters above make a field quoted).
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static byte[] write(ReportResult result, ZoneId zone) {
        Values values = new Values("en", zone);
        List<Column> columns = result.definition().columns();
        List<String[]> lines = new ArrayList<>();
        lines.add(columns.stream().map(Column::name).toArray(String[]::new));
        for (Map<String, Object> row : result.rows()) {
            lines.add(columns.stream().map(c -> values.csv(c, row.get(c.name()))).toArray(String[]::new));
        }
        if (!result.definition().totals().isEmpty()) {
            String[] fields = new String[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                if (result.definition().totals().contains(c.name())) {
                    fields[i] = values.csv(c, result.total(c.name()));
                } else {
                    fields[i] = i == 0 ? "total" : "";
                }
            }
            lines.add(fields);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        try {
            Csv.write(lines, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
