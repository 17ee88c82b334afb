package id.loket.casefile.model;

/** The interview's outcome: passed, or flagged for the supervisor's approval. */
public enum InterviewOutcome { PASSED, FLAGGED }
