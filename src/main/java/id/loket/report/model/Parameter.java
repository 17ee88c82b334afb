package id.loket.report.model;

/**
 * A parameter of a report. {@code name} is what the SQL writes after a colon ({@code :date});
 * types: {@code date}, {@code text}, {@code integer}. A parameter that is not required takes
 * {@code defaultValue} (for {@code to}: the value of {@code date} when empty), else null.
 */
public record Parameter(String name, String type, boolean required, String defaultValue, Text label) {
}
