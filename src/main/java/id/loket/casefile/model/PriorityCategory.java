package id.loket.casefile.model;

/** Why a walk-in is served first (series P): 60 or older, disabled, a child under 5, pregnant. */
public enum PriorityCategory { ELDERLY, DISABLED, CHILD_UNDER_5, PREGNANT }
