package id.loket.report.model;

import id.loket.common.model.UserFacingException;
import java.util.Locale;
import java.util.Set;

/**
 * What a report's SQL must look like before any database sees it: exactly one query. Both
 * H2 and the PostgreSQL driver run every statement of a {@code ;}-separated text, even through a
 * prepared statement, so a second statement is refused here; a statement that does not begin
 * as a query ({@code SELECT}, {@code WITH}, {@code VALUES}, {@code TABLE}) is refused too. This is
 * the first of two walls: the database user reports run as may only read (see
 * {@code id.loket.report.repo.ReportReader}), which also stops a query that calls a writing
 * function.
 *
 * <p>A {@code ;} may stand at the very end, in a {@code '...'} string, a {@code "..."} name or a
 * {@code --} comment, nowhere else. So that this check reads the text exactly as both databases
 * do, what they read differently is refused outright: block comments {@code /* *}{@code /}
 * (PostgreSQL nests them), {@code $} outside strings (PostgreSQL's dollar quotes) and a
 * backslash inside a string (PostgreSQL's {@code E'\''} escapes). Otherwise a quote or a comment
 * could hide a second statement from the check but not from the database.
 */
public final class ReportSql {

    private static final Set<String> QUERY_STARTS = Set.of("SELECT", "WITH", "VALUES", "TABLE");

    private ReportSql() {
    }

    /** Refuses {@code sql} of report {@code report} in words unless it is one query (a trailing {@code ;} allowed). */
    public static void requireOneQuery(String report, String sql) {
        String body = withoutTrailingSemicolons(sql == null ? "" : sql);
        int n = body.length();
        int i = 0;
        while (i < n) {
            char c = body.charAt(i);
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < n && (body.charAt(end) != c || (end + 1 < n && body.charAt(end + 1) == c))) {
                    if (body.charAt(end) == c) {
                        end++; // a doubled quote stands for itself
                    } else if (body.charAt(end) == '\\') {
                        throw new UserFacingException("report.unclearSql", report, "\\");
                    }
                    end++;
                }
                i = end + 1;
            } else if (body.startsWith("--", i)) {
                int nl = body.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (body.startsWith("/*", i)) {
                throw new UserFacingException("report.unclearSql", report, "/*");
            } else if (c == '$') {
                throw new UserFacingException("report.unclearSql", report, "$");
            } else if (c == ';') {
                throw new UserFacingException("report.multipleStatements", report);
            } else {
                i++;
            }
        }
        String first = firstWord(body);
        if (!QUERY_STARTS.contains(first.toUpperCase(Locale.ROOT))) {
            throw new UserFacingException("report.notAQuery", report, first.isEmpty() ? "-" : first);
        }
    }

    /** The SQL without trailing white space and {@code ;}. */
    public static String withoutTrailingSemicolons(String sql) {
        int end = sql.length();
        while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
            end--;
        }
        return sql.substring(0, end);
    }

    /** The first word after white space, comments and opening parentheses ("" if none). */
    static String firstWord(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else {
                break;
            }
        }
        int end = i;
        while (end < n && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        if (end == i && i < n) {
            end = i + 1; // a sign, not a word: name it as it is
        }
        return sql.substring(i, end);
    }
}
