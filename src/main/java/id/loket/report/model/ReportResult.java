package id.loket.report.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report run: its definition, the parameter values used (by name, in the definition's order),
 * the rows (one map per row, by column name, values as the database gave them), who ran it and when.
 */
public record ReportResult(ReportDefinition definition, Map<String, Object> parameters, List<Map<String, Object>> rows,
                           Instant generatedAt, String generatedBy) {

    public ReportResult {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        rows = List.copyOf(rows);
    }

    /** Sum of a numeric column over the rows (nulls count as nothing). */
    public Number total(String column) {
        boolean decimal = false;
        double d = 0;
        long l = 0;
        for (Map<String, Object> row : rows) {
            Object v = row.get(column);
            if (v instanceof Number n) {
                if (n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal bd && bd.scale() > 0) {
                    decimal = true;
                }
                d += n.doubleValue();
                l += n.longValue();
            }
        }
        return decimal ? (Number) d : (Number) l;
    }
}
