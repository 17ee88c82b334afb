/**
 * Printing the PDFs Loket renders to the printers this machine knows (through
 * {@link javax.print.PrintServiceLookup}, on Linux the CUPS queues). No Swing here: the preview
 * dialog lives in {@code id.loket.printing.ui}. Where a printer takes PDF itself the bytes are
 * sent unchanged (text stays text); otherwise PDFBox draws the pages through a
 * {@link java.awt.print.PrinterJob}. Failures reach the desk as
 * {@link id.loket.common.model.UserFacingException}s, never as stack traces.
 */
package id.loket.printing;
