/**
 * An applicant's case and its rules: the lifecycle (who may do what from which state), the
 * checklist of documents, queue numbers and codes. Plain Java only.
 */
package id.loket.casefile.model;
