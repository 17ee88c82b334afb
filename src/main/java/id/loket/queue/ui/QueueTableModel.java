package id.loket.queue.ui;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.Dates;
import id.loket.queue.model.QueueEntry;
import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;

/** The day's queue as table rows. Holds every entry; the table's sorter does the filtering. */
final class QueueTableModel extends AbstractTableModel {

    enum Column { SLOT, BOOKING_CODE, NAME, SERVICE, PAYMENT, STATUS }

    private final Messages messages;
    private List<QueueEntry> entries = new ArrayList<>();

    QueueTableModel(Messages messages) {
        this.messages = messages;
    }

    void setEntries(List<QueueEntry> entries) {
        this.entries = new ArrayList<>(entries);
        fireTableDataChanged();
    }

    QueueEntry entry(int row) {
        return entries.get(row);
    }

    List<QueueEntry> entries() {
        return List.copyOf(entries);
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
    public Object getValueAt(int row, int column) {
        QueueEntry e = entries.get(row);
        Appointment a = e.appointment();
        return switch (Column.values()[column]) {
            case SLOT -> e.slot();
            case BOOKING_CODE -> a.bookingCode();
            case NAME -> a.applicant().fullName();
            case SERVICE -> messages.get("service." + a.service().name());
            case PAYMENT -> messages.get("payment." + a.payment().status().name());
            case STATUS -> status(a);
        };
    }

    private String status(Appointment a) {
        if (a.status() == AppointmentStatus.RESCHEDULED && a.rescheduledTo() != null) {
            return messages.get("appointment.status.RESCHEDULED.to", Dates.shortDate(a.rescheduledTo(), messages.locale()));
        }
        return messages.get("appointment.status." + a.status().name());
    }
}
