package id.loket.common.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * CSV as every export and report of Loket writes it — RFC 4180 through jackson-dataformat-csv:
 * comma, CRLF, a field quoted only when it holds a comma, quote, CR or LF (the strict check; the
 * loose one would quote any field with a space), inner quotes doubled, UTF-8 without a byte-order
 * mark; the caller's stream is left open. A null field would be left out of its row by the
 * writer, so callers give "" for nothing.
 */
public final class Csv {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();
    private static final ObjectWriter ROWS = MAPPER.writerFor(String[].class).with(CsvSchema.emptySchema().withLineSeparator("\r\n"));
    private static final ObjectWriter FIELD = MAPPER.writerFor(String[].class).with(CsvSchema.emptySchema().withLineSeparator(""));

    private Csv() {
    }

    /** The rows, in order, as CSV into {@code out}. */
    public static void write(List<String[]> rows, OutputStream out) throws IOException {
        try (SequenceWriter w = ROWS.writeValues(out)) {
            w.writeAll(rows);
        }
    }

    /** One field as it stands in a row: quoted when it holds a comma, quote, CR or LF. */
    public static String field(String text) {
        try {
            return FIELD.writeValueAsString(new String[] {text});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
