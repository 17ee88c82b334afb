/**
 * The printable documents of the counter: receipt, rejection slip, on-hold slip and pickup
 * slip, rendered headless with PDFBox as PDF/A-2b from plain records. No database, no
 * services, no Swing: the caller gathers the data, this package only lays out paper.
 */
package id.loket.document;
