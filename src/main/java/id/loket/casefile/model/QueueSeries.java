package id.loket.casefile.model;

/** The queue number's letter: online booking, priority walk-in, other walk-in, pickup. */
public enum QueueSeries { A, P, W, R }
