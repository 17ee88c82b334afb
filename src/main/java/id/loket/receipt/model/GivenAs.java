package id.loket.receipt.model;

/**
 * How a receipt reached the applicant: printed (the printer's spooler accepted the job), saved
 * as a PDF, or, for receipts from before V13, taken as given when it was issued.
 */
public enum GivenAs { PRINTED, SAVED, ISSUED }
