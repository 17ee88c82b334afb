package id.loket.queue.ui;

import id.loket.queue.model.QueueSearch;
import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.swing.RowSorter;
import javax.swing.SortOrder;

/**
 * The queue table's rows in view: the lines a search found (the exact booking-code hit first)
 * in the order of the column the officer sorted by. Sorts as {@link javax.swing.TableRowSorter}
 * does (text by the locale's collator, the waiting time by its length, empty first, up to three
 * columns, ties in the lines' order), but only when the sort order or the lines change — the
 * order is kept, and a keystroke in the search is one pass over it, with no comparing and no
 * normalising. Like {@code TableRowSorter} by default, a line updated in place (the waiting
 * time moving on) is not sorted again until the next reload or sort.
 */
final class QueueRowSorter extends RowSorter<QueueTableModel> {

    private static final int MAX_SORT_KEYS = 3;

    private final QueueTableModel model;
    private List<SortKey> sortKeys = List.of();
    /** Model indexes in the sort order; null when not sorted, or not yet sorted (see {@link #sorted}). */
    private int[] order;
    private boolean sorted;
    /** What the search found, for the model's current lines; null: every line. */
    private QueueSearch.Found found;
    /** Null: the view is the model, line for line. */
    private int[] viewToModel;
    private int[] modelToView;

    QueueRowSorter(QueueTableModel model) {
        this.model = model;
    }

    /** Shows the lines found (null: all), the exact hit first: one pass, no sorting. */
    void setFound(QueueSearch.Found found) {
        this.found = found;
        changed();
    }

    /**
     * Lines were changed in place by a read of their cases (not the waiting time ticking): they
     * are searched and, if the table is sorted, sorted again, so a case called at another counter
     * moves to where its new status or counter puts it.
     */
    void linesChanged(QueueSearch.Found found) {
        sorted = false;
        setFound(found);
    }

    /**
     * What the search found in lines about to be set in the model: applied when the model says
     * its lines changed (so the rows are worked out once, for the new lines).
     */
    void expect(QueueSearch.Found found) {
        this.found = found;
    }

    /** The search result applied now, or null when every line is shown (tests). */
    QueueSearch.Found found() {
        return found;
    }

    @Override
    public QueueTableModel getModel() {
        return model;
    }

    @Override
    public void toggleSortOrder(int column) {
        checkColumn(column);
        List<SortKey> keys = new ArrayList<>(sortKeys);
        int at = -1;
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (keys.get(i).getColumn() == column) {
                at = i;
                break;
            }
        }
        if (at == 0) {
            SortKey k = keys.get(0);
            keys.set(0, new SortKey(column, k.getSortOrder() == SortOrder.ASCENDING ? SortOrder.DESCENDING : SortOrder.ASCENDING));
        } else {
            if (at > 0) {
                keys.remove(at);
            }
            keys.add(0, new SortKey(column, SortOrder.ASCENDING));
        }
        setSortKeys(keys.size() > MAX_SORT_KEYS ? keys.subList(0, MAX_SORT_KEYS) : keys);
    }

    @Override
    public List<? extends SortKey> getSortKeys() {
        return sortKeys;
    }

    @Override
    public void setSortKeys(List<? extends SortKey> keys) {
        List<SortKey> next = keys == null ? List.of() : List.copyOf(keys);
        for (SortKey k : next) {
            checkColumn(k.getColumn());
        }
        if (next.equals(sortKeys)) {
            return;
        }
        sortKeys = next;
        sorted = false;
        fireSortOrderChanged();
        changed();
    }

    @Override
    public int convertRowIndexToModel(int index) {
        if (viewToModel == null) {
            checkRow(index);
            return index;
        }
        return viewToModel[index];
    }

    @Override
    public int convertRowIndexToView(int index) {
        if (modelToView == null) {
            checkRow(index);
            return index;
        }
        return modelToView[index];
    }

    @Override
    public int getViewRowCount() {
        return viewToModel == null ? model.getRowCount() : viewToModel.length;
    }

    @Override
    public int getModelRowCount() {
        return model.getRowCount();
    }

    @Override
    public void modelStructureChanged() {
        if (!sortKeys.isEmpty()) {
            sortKeys = List.of();
            fireSortOrderChanged();
        }
        allRowsChanged();
    }

    @Override
    public void allRowsChanged() {
        sorted = false;
        changed();
    }

    @Override
    public void rowsInserted(int firstRow, int endRow) {
        allRowsChanged();
    }

    @Override
    public void rowsDeleted(int firstRow, int endRow) {
        allRowsChanged();
    }

    @Override
    public void rowsUpdated(int firstRow, int endRow) {
        // a line changed in place (the waiting time): neither sorted nor searched again, as TableRowSorter by default
    }

    @Override
    public void rowsUpdated(int firstRow, int endRow, int column) {
        rowsUpdated(firstRow, endRow);
    }

    /** Works the rows in view out again and tells the table (unless the view was and stays the model). */
    private void changed() {
        int[] last = viewToModel;
        int rows = model.getRowCount();
        QueueSearch.Found f = found != null && found.size() == rows ? found : null;
        int[] base = sortedOrder();
        if (f == null && base == null) {
            viewToModel = null;
            modelToView = null;
            if (last == null) {
                return;
            }
        } else {
            int exact = f == null ? -1 : f.exact();
            int[] v2m = new int[f == null ? rows : f.count()];
            int n = 0;
            if (exact >= 0) {
                v2m[n++] = exact;
            }
            for (int i = 0; i < rows; i++) {
                int m = base == null ? i : base[i];
                if (m != exact && (f == null || f.includes(m))) {
                    v2m[n++] = m;
                }
            }
            int[] m2v = new int[rows];
            Arrays.fill(m2v, -1);
            for (int v = 0; v < v2m.length; v++) {
                m2v[v2m[v]] = v;
            }
            viewToModel = v2m;
            modelToView = m2v;
        }
        fireRowSorterChanged(last == null ? new int[0] : last);
    }

    /** The lines in the sort order, sorted once per change of the order or the lines; null when not sorted. */
    private int[] sortedOrder() {
        List<SortKey> keys = sortKeys.stream().filter(k -> k.getSortOrder() != SortOrder.UNSORTED).toList();
        if (keys.isEmpty()) {
            return null;
        }
        if (sorted && order != null && order.length == model.getRowCount()) {
            return order;
        }
        int rows = model.getRowCount();
        Comparator<Integer> by = null;
        for (SortKey k : keys) {
            Comparator<Integer> c = column(k.getColumn(), rows);
            if (k.getSortOrder() == SortOrder.DESCENDING) {
                c = c.reversed();
            }
            by = by == null ? c : by.thenComparing(c);
        }
        Integer[] boxed = new Integer[rows];
        for (int i = 0; i < rows; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, by.thenComparingInt(Integer::intValue));
        order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = boxed[i];
        }
        sorted = true;
        return order;
    }

    /** One column's order of the lines, read once: text by collation keys, the rest as comparable; empty first. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Comparator<Integer> column(int column, int rows) {
        if (model.getColumnClass(column) == String.class) {
            Collator collator = Collator.getInstance();
            CollationKey[] keys = new CollationKey[rows];
            for (int i = 0; i < rows; i++) {
                Object v = model.getValueAt(i, column);
                keys[i] = v == null ? null : collator.getCollationKey(v.toString());
            }
            return (a, b) -> nullsFirst(keys[a], keys[b]);
        }
        Comparable[] values = new Comparable[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = (Comparable) model.getValueAt(i, column);
        }
        return (a, b) -> nullsFirst(values[a], values[b]);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int nullsFirst(Comparable a, Comparable b) {
        if (a == null) {
            return b == null ? 0 : -1;
        }
        return b == null ? 1 : a.compareTo(b);
    }

    private void checkColumn(int column) {
        if (column < 0 || column >= model.getColumnCount()) {
            throw new IndexOutOfBoundsException("column " + column + " beyond the model's " + model.getColumnCount());
        }
    }

    private void checkRow(int row) {
        if (row < 0 || row >= model.getRowCount()) {
            throw new IndexOutOfBoundsException("Invalid index");
        }
    }
}
