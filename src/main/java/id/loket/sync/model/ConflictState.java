package id.loket.sync.model;

/** A conflict waits for a supervisor ({@code OPEN}) or has been settled ({@code RESOLVED}). */
public enum ConflictState { OPEN, RESOLVED }
