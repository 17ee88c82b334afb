/**
 * The case panel on screen (Swing): step indicator, checklist, identity check, and the
 * dialogs for rejection and interview. {@link id.loket.verification.ui.CaseView} is its
 * Swing-free presentation model. Talks to services, never to the database.
 */
package id.loket.verification.ui;
