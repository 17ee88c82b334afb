package id.loket.report.repo;

import id.loket.report.model.ReportSql;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Runs a report's SQL as the {@link ReportReader} (a database user that may only read some
 * tables, in a transaction rolled back afterwards), after {@link ReportSql} has made sure it is
 * one query: every {@code :name} outside quotes and comments becomes a bind value (never text
 * pasted into the SQL), typed by its Java value so PostgreSQL knows a null's type. Answers rows
 * as maps from lower-case column name to value.
 */
public final class ReportQuery {

    private final ReportReader reader;

    public ReportQuery(ReportReader reader) {
        this.reader = reader;
    }

    /** The SQL with {@code :name} replaced by jOOQ placeholders, and the names in order. */
    /** The SQL with its names replaced, and the names in order of use (repeated where used again). */
    public record Parsed(String sql, List<String> names) {
    }

    /** The parameter names the SQL uses, in order of first use. */
    public static List<String> names(String sql) {
        return parse(sql).names().stream().distinct().toList();
    }

    static Parsed parse(String sql) {
        return parse(sql, i -> "{" + i + "}");
    }

    /**
     * The report's SQL as plain JDBC takes it (a benchmark's baseline): comments dropped, each
     * {@code :name} a {@code ?}, and the names in the order of the {@code ?}s.
     */
    public static Parsed forJdbc(String sql) {
        return parse(sql, i -> "?");
    }

    /** {@code placeholder} gives the text that stands for the {@code i}-th use of a name. */
    private static Parsed parse(String sql, java.util.function.IntFunction<String> placeholder) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                while (end >= 0 && end + 1 < n && sql.charAt(end + 1) == c) {
                    end = sql.indexOf(c, end + 2);
                }
                end = end < 0 ? n : end + 1;
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end; // comments dropped: they may hold braces or colons
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && (Character.isLetter(sql.charAt(i + 1)) || sql.charAt(i + 1) == '_')) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                names.add(sql.substring(i + 1, end).toLowerCase(Locale.ROOT));
                out.append(placeholder.apply(names.size() - 1));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        String text = out.toString().strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return new Parsed(text, names);
    }

    /**
     * Runs {@code sql} of report {@code report} with {@code values} (by parameter name); a name
     * without a value is an error, SQL that is not one query is refused in words.
     */
    public List<Map<String, Object>> run(String report, String sql, Map<String, Object> values) {
        ReportSql.requireOneQuery(report, sql);
        Parsed parsed = parse(sql);
        Object[] binds = binds(parsed, values);
        Result<Record> result = reader.read(dsl -> dsl.resultQuery(parsed.sql(), binds).fetch());
        List<Map<String, Object>> rows = new ArrayList<>(result.size());
        for (Record r : result) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Field<?> f : r.fields()) {
                row.put(f.getName().toLowerCase(Locale.ROOT), javaTime(r.get(f)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The database's plan for {@code sql} with {@code values} ({@code EXPLAIN}), one line per line of the plan. */
    public String plan(String report, String sql, Map<String, Object> values) {
        ReportSql.requireOneQuery(report, sql);
        Parsed parsed = parse(sql);
        Object[] binds = binds(parsed, values);
        Result<Record> result = reader.read(dsl -> dsl.resultQuery("EXPLAIN " + parsed.sql(), binds).fetch());
        StringBuilder plan = new StringBuilder();
        for (Record r : result) {
            plan.append(r.get(0)).append('\n');
        }
        return plan.toString();
    }

    private static Object[] binds(Parsed parsed, Map<String, Object> values) {
        Object[] binds = new Object[parsed.names().size()];
        for (int k = 0; k < binds.length; k++) {
            String name = parsed.names().get(k);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("the SQL uses :" + name + ", which the report does not define");
            }
            binds[k] = param(values.get(name));
        }
        return binds;
    }

    /** Plain SQL answers JDBC's date types: the rest of the report works with java.time. */
    private static Object javaTime(Object v) {
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        return v;
    }

    private static Param<?> param(Object v) {
        if (v instanceof LocalDate d) {
            return DSL.val(d, SQLDataType.LOCALDATE);
        }
        if (v instanceof OffsetDateTime t) {
            return DSL.val(t, SQLDataType.TIMESTAMPWITHTIMEZONE);
        }
        if (v instanceof Integer i) {
            return DSL.val(i, SQLDataType.INTEGER);
        }
        if (v instanceof Long l) {
            return DSL.val(l, SQLDataType.BIGINT);
        }
        return DSL.val(v == null ? null : v.toString(), SQLDataType.VARCHAR);
    }
}
