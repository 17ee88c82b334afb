package id.loket.report.pdf;

import id.loket.common.pdf.PdfFonts;
import id.loket.report.model.Chart;
import id.loket.report.model.Column;
import id.loket.report.model.Format;
import id.loket.report.model.ReportDefinition;
import id.loket.report.model.ReportResult;
import id.loket.report.model.Text;
import id.loket.report.model.Values;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The chart a report asks for ({@link Chart}: bars or a line, one category column, one or more
 * value columns) as a JFreeChart chart: a category per row in the report's order, a series per
 * value column named by its heading, values on the axis written as the first value column is
 * written in the table (rupiah, grouped numbers), the legend under the plot. DejaVu Sans, white
 * ground, no gradients or shadows, so it prints plainly.
 */
final class ReportChart {

    private static final Color[] SERIES = {
        new Color(41, 97, 158), new Color(217, 115, 33), new Color(77, 153, 77), new Color(140, 89, 166)};
    private static final Color INK = new Color(26, 26, 26);
    private static final Color GREY = new Color(115, 115, 115);
    private static final Color RULE = new Color(179, 179, 179);

    private ReportChart() {
    }

    /** A row's category: its place keeps two rows with the same label apart; the label is what the axis shows. */
    private record Category(int index, String label) implements Comparable<Category> {
        @Override
        public int compareTo(Category o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static JFreeChart of(Chart chart, ReportDefinition def, ReportResult result, Values values) {
        String language = values.language();
        Column categoryColumn = column(def, chart.category());
        List<Column> series = new ArrayList<>();
        for (String v : chart.values()) {
            series.add(column(def, v));
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int r = 0; r < result.rows().size(); r++) {
            Map<String, Object> row = result.rows().get(r);
            Category category = new Category(r, values.display(categoryColumn, row.get(categoryColumn.name())));
            for (Column s : series) {
                String label = s.label().in(language).isBlank() ? s.name() : s.label().in(language);
                data.addValue(number(row.get(s.name())), label, category);
            }
        }
        JFreeChart jfree = chart.kind() == Chart.Kind.LINE
                ? ChartFactory.createLineChart(null, null, null, data, PlotOrientation.VERTICAL, true, false, false)
                : ChartFactory.createBarChart(null, null, null, data, PlotOrientation.VERTICAL, true, false, false);
        theme().apply(jfree);
        jfree.setBackgroundPaint(Color.WHITE);
        jfree.setPadding(RectangleInsets.ZERO_INSETS);
        jfree.setAntiAlias(true);

        CategoryPlot plot = jfree.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(RULE);
        plot.setRangeGridlineStroke(new BasicStroke(0.4f));
        plot.setDomainGridlinesVisible(false);
        plot.setInsets(new RectangleInsets(4, 0, 4, 4));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        CategoryAxis categories = plot.getDomainAxis();
        categories.setAxisLinePaint(INK);
        categories.setAxisLineStroke(new BasicStroke(0.8f));
        categories.setTickLabelPaint(INK);
        categories.setTickMarksVisible(false);
        categories.setCategoryMargin(0.2);
        categories.setLowerMargin(0.02);
        categories.setUpperMargin(0.02);
        categories.setMaximumCategoryLabelLines(2);
        if (result.rows().size() > 12) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }

        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setAxisLinePaint(INK);
        axis.setAxisLineStroke(new BasicStroke(0.8f));
        axis.setTickLabelPaint(GREY);
        axis.setTickMarksVisible(false);
        axis.setLowerBound(0);
        axis.setAutoRangeIncludesZero(true);
        Format format = series.get(0).format();
        if (format == Format.INTEGER || format == Format.RUPIAH) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        axis.setNumberFormatOverride(new AsInTable(values, series.get(0)));

        if (plot.getRenderer() instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setDrawBarOutline(false);
            bars.setItemMargin(0.05);
        }
        if (plot.getRenderer() instanceof LineAndShapeRenderer lines) {
            lines.setDefaultShapesVisible(true);
            lines.setDefaultStroke(new BasicStroke(1.4f));
            lines.setAutoPopulateSeriesStroke(false);
        }
        for (int s = 0; s < series.size(); s++) {
            plot.getRenderer().setSeriesPaint(s, SERIES[s % SERIES.length]);
            plot.getRenderer().setSeriesShape(s, new Rectangle2D.Double(-2, -2, 4, 4));
        }
        LegendTitle legend = jfree.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemPaint(INK);
        return jfree;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("Loket");
        theme.setExtraLargeFont(PdfFonts.awt(true, 10));
        theme.setLargeFont(PdfFonts.awt(true, 8));
        theme.setRegularFont(PdfFonts.awt(false, 8));
        theme.setSmallFont(PdfFonts.awt(false, 7));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setAxisLabelPaint(INK);
        theme.setTickLabelPaint(INK);
        theme.setLegendItemPaint(INK);
        return theme;
    }

    private static Column column(ReportDefinition def, String name) {
        return def.columns().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElse(new Column(name, new Text(name, name), Format.TEXT, Map.of()));
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    /** The axis' numbers written as the column writes them in the table. */
    private static final class AsInTable extends NumberFormat {
        private final transient Values values;
        private final transient Column column;

        AsInTable(Values values, Column column) {
            this.values = values;
            this.column = column;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            Object v = number == Math.rint(number) && Math.abs(number) < Long.MAX_VALUE ? (Object) (long) number : (Object) number;
            return to.append(values.display(column, v));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return to.append(values.display(column, number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("an axis is only written");
        }
    }
}
