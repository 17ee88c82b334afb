/** The print preview: the page as it will come out, the printer and paper, Print / Save as PDF / Close. */
package id.loket.printing.ui;
