package id.loket.report.model;

import java.util.Map;

/**
 * A column of a report: the query's column {@code name}, its heading, its format, and for
 * code columns the words to print for each code ({@code values}; CSV keeps the code).
 */
public record Column(String name, Text label, Format format, Map<String, Text> values) {

    public Column {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public boolean numeric() {
        return format != Format.TEXT && format != Format.DATE && format != Format.TIME && format != Format.DATETIME && format != Format.HOUR;
    }
}
