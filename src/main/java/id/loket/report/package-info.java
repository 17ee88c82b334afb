/**
 * The supervisor's report catalogue: reports are data (a query and a layout in {@code reports/NAME/}),
 * run against the local database and written as CSV or PDF/A-2b. {@code model} is plain Java,
 * {@code repo} runs the queries, {@code service} reads the catalogue and writes CSV,
 * {@code pdf} draws the PDF with PDFBox. No Swing anywhere here.
 */
package id.loket.report;
