package id.loket.report.model;

import java.util.List;
import java.util.Optional;

/**
 * One report of the catalogue, as read from {@code reports/NAME/}: its SQL and its layout.
 * {@code groupBy} names a column whose change starts a new group (printed once, bold);
 * {@code totals} lists the numeric columns summed in a last row (empty: no totals row).
 */
public record ReportDefinition(String name, Text title, Text description, List<Parameter> parameters, String sql,
                               List<Column> columns, String groupBy, List<String> totals, Chart chart) {

    public ReportDefinition {
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
        totals = totals == null ? List.of() : List.copyOf(totals);
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<Chart> chartIfAny() {
        return Optional.ofNullable(chart);
    }
}
