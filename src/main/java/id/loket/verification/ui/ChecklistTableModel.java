package id.loket.verification.ui;

import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.common.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.table.AbstractTableModel;

/** The case's checklist as table rows: the document, how it is required, what was found, the note. */
final class ChecklistTableModel extends AbstractTableModel {

    enum Column { DOCUMENT, REQUIREMENT, RESULT, NOTE }

    private final Messages messages;
    private List<DocumentCheck> rows = new ArrayList<>();

    ChecklistTableModel(Messages messages) {
        this.messages = messages;
    }

    void setDocuments(List<DocumentCheck> documents) {
        boolean sameShape = documents.size() == rows.size();
        for (int i = 0; sameShape && i < rows.size(); i++) {
            sameShape = rows.get(i).type() == documents.get(i).type();
        }
        rows = new ArrayList<>(documents);
        if (sameShape) {
            fireTableRowsUpdated(0, Math.max(0, rows.size() - 1));
        } else {
            fireTableDataChanged();
        }
    }

    /** Shows a result at once, before the store has answered. */
    void mark(int row, DocumentResult result, String note) {
        rows.set(row, rows.get(row).withResult(result, note));
        fireTableRowsUpdated(row, row);
    }

    List<DocumentCheck> documents() {
        return List.copyOf(rows);
    }

    DocumentCheck row(int i) {
        return rows.get(i);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return Column.values().length;
    }

    @Override
    public String getColumnName(int column) {
        return messages.get("counter.checklist.column." + Column.values()[column].name().toLowerCase(Locale.ROOT));
    }

    @Override
    public Object getValueAt(int row, int column) {
        DocumentCheck d = rows.get(row);
        return switch (Column.values()[column]) {
            case DOCUMENT -> messages.name(d.type());
            case REQUIREMENT -> messages.name(d.requirement());
            case RESULT -> d.result() == null ? "" : messages.name(d.result());
            case NOTE -> d.note() == null ? "" : d.note();
        };
    }
}
