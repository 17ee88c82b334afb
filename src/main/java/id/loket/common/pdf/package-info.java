/**
 * What the two PDF engines (the counter's documents in {@code document}, the reports in
 * {@code report.pdf}) share: the embedded DejaVu Sans fonts, read once, and text measured and
 * wrapped to a width with those fonts.
 */
package id.loket.common.pdf;
