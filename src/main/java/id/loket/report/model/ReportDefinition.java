package id.loket.report.model;

import id.loket.staff.model.Permission;
import id.loket.staff.model.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One report of the catalogue, as read from {@code reports/NAME/}: its SQL and its layout.
 * {@code groupBy} names a column whose change starts a new group (printed once, bold);
 * {@code totals} lists the numeric columns summed in a last row (empty: no totals row);
 * {@code roles} are the roles its {@code layout.json} lets run it (never empty: a layout without
 * roles is refused when the catalogue is read).
 */
public record ReportDefinition(String name, Text title, Text description, List<Parameter> parameters, String sql,
                               List<Column> columns, String groupBy, List<String> totals, Chart chart, Set<Role> roles) {

    public ReportDefinition {
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
        totals = totals == null ? List.of() : List.copyOf(totals);
        roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<Chart> chartIfAny() {
        return Optional.ofNullable(chart);
    }

    /**
     * Whether someone of {@code role} may run this report: the report's layout names the role,
     * and the role may run reports at all ({@link Permission#RUN_REPORT}). The caller passes the
     * role as it re-read it from the database, never one a client supplied.
     */
    public boolean mayRun(Role role) {
        return role != null && roles.contains(role) && Permission.RUN_REPORT.roles().contains(role);
    }
}
