package id.loket.queue.ui;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.Dates;
import id.loket.queue.model.QueueEntry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.swing.event.TableModelEvent;
import javax.swing.table.AbstractTableModel;

/**
 * The day's queue as table rows: each booking with its case once checked in, and the walk-ins.
 * Holds every entry; the table's sorter does the filtering. The waiting column is a
 * {@link Duration} (so it sorts), computed against the clock each time it is read.
 */
final class QueueTableModel extends AbstractTableModel {

    /** The columns, the ones a counter needs all day first: a narrow queue scrolls sideways for the rest. */
    enum Column { NUMBER, SLOT, NAME, STATUS, COUNTER, WAITING, SERVICE, PAYMENT, BOOKING_CODE }

    private final Messages messages;
    private final Supplier<OffsetDateTime> now;
    private List<QueueEntry> entries = new ArrayList<>();

    QueueTableModel(Messages messages, Supplier<OffsetDateTime> now) {
        this.messages = messages;
        this.now = now;
    }

    void setEntries(List<QueueEntry> entries) {
        this.entries = new ArrayList<>(entries);
        fireTableDataChanged();
    }

    /** Lines changed in place (by row): each is told as updated, the others stay as they are. */
    void replace(java.util.Map<Integer, QueueEntry> lines) {
        lines.forEach(entries::set);
        lines.keySet().forEach(row -> fireTableRowsUpdated(row, row));
    }

    QueueEntry entry(int row) {
        return entries.get(row);
    }

    List<QueueEntry> entries() {
        return List.copyOf(entries);
    }

    /** The waiting times moved on: repaint that column only (selection and sorting stay). */
    void clockTicked() {
        if (!entries.isEmpty()) {
            fireTableChanged(new TableModelEvent(this, 0, entries.size() - 1, Column.WAITING.ordinal()));
        }
    }

    @Override
    public int getRowCount() {
        return entries.size();
    }

    @Override
    public int getColumnCount() {
        return Column.values().length;
    }

    @Override
    public String getColumnName(int column) {
        return messages.get("queue.column." + Column.values()[column].name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return Column.values()[column] == Column.WAITING ? Duration.class : String.class;
    }

    @Override
    public Object getValueAt(int row, int column) {
        QueueEntry e = entries.get(row);
        Appointment a = e.appointment();
        return switch (Column.values()[column]) {
            case NUMBER -> e.queueNumber() == null ? "" : e.queueNumber().toString();
            case SLOT -> a != null ? a.slotStart() : Dates.time(e.caseFile().checkedInAt(), e.caseFile().checkedInAt().getOffset());
            case BOOKING_CODE -> e.code();
            case NAME -> e.fullName();
            case SERVICE -> messages.get("service.short." + e.service().name());
            case PAYMENT -> a == null ? "" : messages.get("payment." + a.payment().status().name());
            case STATUS -> status(e);
            case COUNTER -> e.counter() == null ? "" : e.counter();
            case WAITING -> e.waiting(now.get());
        };
    }

    private String status(QueueEntry e) {
        if (e.hasCase()) {
            return messages.name(e.caseStatus());
        }
        Appointment a = e.appointment();
        if (a.status() == AppointmentStatus.RESCHEDULED && a.rescheduledTo() != null) {
            return messages.get("appointment.status.RESCHEDULED.to", Dates.shortDate(a.rescheduledTo(), messages.locale()));
        }
        return messages.get("appointment.status." + a.status().name());
    }

    /** Minutes as the queue shows them: "7 mnt", "1 j 05 mnt". */
    String waitingText(Duration d) {
        if (d == null) {
            return "";
        }
        long minutes = d.toMinutes();
        return minutes < 60 ? messages.get("queue.waiting.minutes", minutes)
                : messages.get("queue.waiting.hours", minutes / 60, minutes % 60);
    }
}
