package id.loket.common.ui;

import javax.swing.JTable;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableColumn;
import javax.swing.table.TableColumnModel;

/** Tables whose texts are read whole: columns sized to what they show at the current text size. */
public final class Tables {

    private Tables() {
    }

    /**
     * Makes each column at least as wide as its header and its widest value as rendered now
     * (call again when the rows or the text size change) and answers the columns' total width.
     * When the table's viewport is narrower than that, the table scrolls sideways rather than
     * squeezing a column; when it is wider, the columns share the room left over.
     */
    public static int fitToContent(JTable table) {
        java.awt.Container parent = table.getParent();
        return fitToContent(table, parent instanceof javax.swing.JViewport v ? v.getWidth() : table.getWidth());
    }

    /** As {@link #fitToContent(JTable)}, scrolling sideways only when the columns need more than {@code room}. */
    public static int fitToContent(JTable table, int room) {
        Edt.check();
        TableColumnModel cm = table.getColumnModel();
        int total = 0;
        for (int col = 0; col < cm.getColumnCount(); col++) {
            TableColumn tc = cm.getColumn(col);
            TableCellRenderer hr = tc.getHeaderRenderer() != null ? tc.getHeaderRenderer() : table.getTableHeader().getDefaultRenderer();
            int w = hr.getTableCellRendererComponent(table, tc.getHeaderValue(), false, false, -1, col).getPreferredSize().width;
            for (int row = 0; row < table.getRowCount(); row++) {
                w = Math.max(w, table.prepareRenderer(table.getCellRenderer(row, col), row, col).getPreferredSize().width);
            }
            w += table.getIntercellSpacing().width + 8;
            tc.setMinWidth(w);
            tc.setPreferredWidth(w);
            total += w;
        }
        fitOrScroll(table, total, room);
        return total;
    }

    /**
     * Keeps {@code table} (fitted by {@link #fitToContent}) read whole when its viewport is resized:
     * it scrolls sideways when its columns' widths no longer fit, and fills the width again when
     * they do. Only the resize mode changes; nothing is measured again.
     */
    public static void keepFittedOnResize(JTable table) {
        table.addHierarchyBoundsListener(new java.awt.event.HierarchyBoundsAdapter() {
            @Override
            public void ancestorResized(java.awt.event.HierarchyEvent e) {
                java.awt.Container parent = table.getParent();
                if (parent instanceof javax.swing.JViewport v) {
                    int total = 0;
                    for (int col = 0; col < table.getColumnModel().getColumnCount(); col++) {
                        total += table.getColumnModel().getColumn(col).getMinWidth();
                    }
                    fitOrScroll(table, total, v.getWidth());
                }
            }
        });
    }

    private static void fitOrScroll(JTable table, int total, int room) {
        table.setAutoResizeMode(room > 0 && total > room ? JTable.AUTO_RESIZE_OFF : JTable.AUTO_RESIZE_SUBSEQUENT_COLUMNS);
    }
}
