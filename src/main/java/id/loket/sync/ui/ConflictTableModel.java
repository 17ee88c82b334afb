package id.loket.sync.ui;

import id.loket.common.i18n.Messages;
import id.loket.common.ui.Dates;
import id.loket.sync.model.Conflict;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;

/** The conflicts a supervisor has to settle: when found, the case, the kind in words, central's reason, and whether it waits for a manual follow-up. */
final class ConflictTableModel extends AbstractTableModel {

    /** One conflict as listed: {@code followUp} when it was put aside for a manual follow-up; {@code held} its held events. */
    record Row(Conflict conflict, boolean followUp, int held) {
    }

    private final Messages m;
    private final ZoneId zone;
    private final List<Row> rows = new ArrayList<>();
    /** Each row's case as {@link #caseLabel} reads it from the two sides' JSON: worked out once per row, not per paint. */
    private final List<String> labels = new java.util.ArrayList<>();

    ConflictTableModel(Messages m, ZoneId zone) {
        this.m = m;
        this.zone = zone;
    }

    void set(List<Row> list) {
        rows.clear();
        rows.addAll(list);
        labels.clear();
        list.forEach(r -> labels.add(caseLabel(r.conflict())));
        fireTableDataChanged();
    }

    Row at(int row) {
        return rows.get(row);
    }

    /** The row of the conflict, or -1. */
    int indexOf(long conflictId) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).conflict().id() == conflictId) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return 5;
    }

    @Override
    public String getColumnName(int column) {
        return m.get(switch (column) {
            case 0 -> "conflicts.column.detected";
            case 1 -> "conflicts.column.case";
            case 2 -> "conflicts.column.kind";
            case 3 -> "conflicts.column.reason";
            default -> "conflicts.column.state";
        });
    }

    @Override
    public Object getValueAt(int row, int column) {
        Row r = rows.get(row);
        Conflict c = r.conflict();
        return switch (column) {
            case 0 -> detected(c);
            case 1 -> labels.get(row);
            case 2 -> m.name(c.kind());
            case 3 -> reason(m, c.reason());
            default -> m.get(r.followUp() ? "conflicts.state.followUp" : "conflicts.state.open");
        };
    }

    private String detected(Conflict c) {
        if (c.detectedAt() == null) {
            return "";
        }
        return Dates.shortDate(c.detectedAt().atZoneSameInstant(zone).toLocalDate(), m.locale()) + " " + Dates.time(c.detectedAt(), zone);
    }

    /**
     * Central's reason code in words when the bundle knows it, else the code itself. A code
     * may carry a detail after a space ("APPOINTMENT_RESCHEDULED 2026-12-05"): it fills {0}.
     */
    static String reason(Messages m, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        int space = code.indexOf(' ');
        String head = space < 0 ? code : code.substring(0, space);
        String detail = space < 0 ? "" : code.substring(space + 1);
        String key = "conflicts.reason." + head;
        return m.has(key) ? m.get(key, detail) : code;
    }

    /**
     * The case as the counter knows it: queue number and name from the office's side; else the
     * booking code and name from central's copy of the appointment; never a UUID (a no-show's or
     * a booking's reference is an appointment id, which tells a supervisor nothing).
     */
    static String caseLabel(Conflict c) {
        String fallback = UUID_LIKE.matcher(c.caseRef()).matches() ? "–" : c.caseRef();
        try {
            com.fasterxml.jackson.databind.JsonNode office = id.loket.central.ContractJson.mapper().readTree(c.officeSide());
            String number = office.path("queueNumber").asText("");
            String name = office.at("/applicant/fullName").asText("");
            if (!number.isEmpty() && !name.isEmpty()) {
                return number + " · " + name;
            }
            com.fasterxml.jackson.databind.JsonNode central = id.loket.central.ContractJson.mapper().readTree(c.centralSide());
            String code = central.at("/appointment/bookingCode").asText("");
            String booked = central.at("/appointment/applicant/fullName").asText("");
            if (!booked.isEmpty()) {
                return (code.isEmpty() ? "" : code + " · ") + booked;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not the office's case summary: the reference says enough
        }
        return fallback;
    }

    static final java.util.regex.Pattern UUID_LIKE =
            java.util.regex.Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
}
