/** Draws a report as PDF/A-2b with PDFBox: letterhead, table with repeated headers, vector charts, page numbers. */
package id.loket.report.pdf;
