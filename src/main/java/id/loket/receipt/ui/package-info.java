/**
 * The receipt's steps on screen (Swing): issuing it and printing the case's paper again. The
 * counter shows them; they call back through {@link id.loket.verification.ui.CaseDesk}.
 */
package id.loket.receipt.ui;
