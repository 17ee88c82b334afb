package id.loket.queue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.common.i18n.Messages;
import id.loket.queue.model.GeneratedDay;
import id.loket.queue.model.QueueEntry;
import id.loket.queue.model.QueueFilter;
import id.loket.queue.model.QueueSearch;
import id.loket.queue.model.QueueView;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.swing.RowFilter;
import javax.swing.RowSorter.SortKey;
import javax.swing.SortOrder;
import javax.swing.event.RowSorterEvent;
import javax.swing.table.TableRowSorter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The queue's rows in view: the same as Swing's TableRowSorter gave, sorted once, the exact booking-code hit first. */
class QueueRowSorterTest {

    private static List<QueueEntry> day;
    private static QueueSearch lines;

    @BeforeAll
    static void generate() {
        day = GeneratedDay.of(1_200);
        lines = new QueueSearch(day);
    }

    private static QueueTableModel model() {
        QueueTableModel model = new QueueTableModel(Messages.forLanguage("id"),
                () -> GeneratedDay.DAY.atTime(LocalTime.of(11, 0)).atZone(GeneratedDay.ZONE).toOffsetDateTime());
        model.setEntries(day);
        return model;
    }

    private static List<Integer> view(javax.swing.RowSorter<?> sorter) {
        List<Integer> out = new ArrayList<>();
        for (int v = 0; v < sorter.getViewRowCount(); v++) {
            out.add(sorter.convertRowIndexToModel(v));
        }
        return out;
    }

    static Stream<Arguments> sortsAndQueries() {
        int name = QueueTableModel.Column.NAME.ordinal();
        int number = QueueTableModel.Column.NUMBER.ordinal();
        int slot = QueueTableModel.Column.SLOT.ordinal();
        int waiting = QueueTableModel.Column.WAITING.ordinal();
        int status = QueueTableModel.Column.STATUS.ordinal();
        List<List<SortKey>> sorts = List.of(List.of(),
                List.of(new SortKey(name, SortOrder.ASCENDING)),
                List.of(new SortKey(name, SortOrder.DESCENDING)),
                List.of(new SortKey(waiting, SortOrder.ASCENDING)),
                List.of(new SortKey(waiting, SortOrder.DESCENDING)),
                List.of(new SortKey(status, SortOrder.ASCENDING), new SortKey(number, SortOrder.DESCENDING)),
                List.of(new SortKey(slot, SortOrder.DESCENDING), new SortKey(name, SortOrder.ASCENDING)));
        List<String> queries = List.of("", "a", "wa", "ayu", "5171", "a-00", "i ketut");
        return sorts.stream().flatMap(s -> queries.stream().map(q -> Arguments.of(s, q)));
    }

    @ParameterizedTest(name = "[{index}] {0} «{1}»")
    @MethodSource("sortsAndQueries")
    void showsWhatTableRowSorterShowed(List<SortKey> keys, String query) {
        QueueTableModel model = model();
        QueueFilter filter = new QueueFilter(query);
        TableRowSorter<QueueTableModel> swing = new TableRowSorter<>(model);
        swing.setSortKeys(keys);
        swing.setRowFilter(new RowFilter<>() {
            @Override
            public boolean include(Entry<? extends QueueTableModel, ? extends Integer> entry) {
                return filter.matches(model.entry(entry.getIdentifier()));
            }
        });
        QueueRowSorter ours = new QueueRowSorter(model);
        ours.setSortKeys(keys);
        ours.setFound(lines.find(filter, QueueView.ALL));

        assertThat(view(ours)).isEqualTo(view(swing));
        for (int m = 0; m < model.getRowCount(); m++) {
            assertThat(ours.convertRowIndexToView(m)).isEqualTo(swing.convertRowIndexToView(m));
        }
    }

    @Test
    void theExactBookingCodeIsTheFirstRowWhateverTheSort() {
        QueueTableModel model = model();
        QueueRowSorter sorter = new QueueRowSorter(model);
        sorter.toggleSortOrder(QueueTableModel.Column.NAME.ordinal());
        int line = day.size() / 2;
        String code = day.get(line).code();
        // the code's first letters find many lines; the whole code one, first
        sorter.setFound(lines.find(new QueueFilter(code.substring(0, 3)), QueueView.ALL));
        assertThat(sorter.getViewRowCount()).isGreaterThan(100);
        sorter.setFound(lines.find(new QueueFilter(code), QueueView.ALL));
        assertThat(sorter.convertRowIndexToModel(0)).isEqualTo(line);
        assertThat(sorter.convertRowIndexToView(line)).isZero();
    }

    @Test
    void aKeystrokeTellsTheTableOnceWithThePreviousRows() {
        QueueTableModel model = model();
        QueueRowSorter sorter = new QueueRowSorter(model);
        List<RowSorterEvent> events = new ArrayList<>();
        sorter.addRowSorterListener(events::add);
        sorter.setFound(lines.find(new QueueFilter("wa"), QueueView.ALL));
        List<Integer> before = view(sorter);
        sorter.setFound(lines.find(new QueueFilter("way"), QueueView.ALL));

        assertThat(events).extracting(RowSorterEvent::getType).containsExactly(RowSorterEvent.Type.SORTED, RowSorterEvent.Type.SORTED);
        RowSorterEvent last = events.get(1);
        assertThat(last.getPreviousRowCount()).isEqualTo(before.size());
        assertThat(last.convertPreviousRowIndexToModel(1)).isEqualTo(before.get(1));
        assertThat(sorter.getViewRowCount()).isLessThanOrEqualTo(before.size());
    }

    @Test
    void clearingTheSearchShowsTheModelAsItIs() {
        QueueTableModel model = model();
        QueueRowSorter sorter = new QueueRowSorter(model);
        sorter.setFound(lines.find(new QueueFilter("ayu"), QueueView.ALL));
        sorter.setFound(null);
        assertThat(sorter.getViewRowCount()).isEqualTo(day.size());
        assertThat(sorter.convertRowIndexToModel(17)).isEqualTo(17);
    }

    @Test
    void aSearchForOtherLinesIsNotAppliedToTheModelsLines() {
        QueueTableModel model = model();
        QueueRowSorter sorter = new QueueRowSorter(model);
        // a result for a day of other size (a reload under way) shows every line rather than wrong ones
        sorter.setFound(new QueueSearch(day.subList(0, 10)).find(new QueueFilter("a"), QueueView.ALL));
        assertThat(sorter.getViewRowCount()).isEqualTo(day.size());
    }

    @Test
    void toggleSortOrderWorksAsTableRowSorters() {
        QueueTableModel model = model();
        QueueRowSorter ours = new QueueRowSorter(model);
        TableRowSorter<QueueTableModel> swing = new TableRowSorter<>(model);
        for (int column : new int[] {2, 2, 0, 5, 2, 3, 1, 1}) {
            ours.toggleSortOrder(column);
            swing.toggleSortOrder(column);
            assertThat(ours.getSortKeys()).isEqualTo(swing.getSortKeys());
            assertThat(view(ours)).isEqualTo(view(swing));
        }
    }
}
