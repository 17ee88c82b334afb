package id.loket.report.model;

import java.util.List;

/** An optional chart under the table: bars or a line, one category column and one or more value columns. */
public record Chart(Kind kind, String category, List<String> values, Text title) {

    public enum Kind { BAR, LINE }

    public Chart {
        values = List.copyOf(values);
    }
}
