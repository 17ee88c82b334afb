package id.loket.receipt.model;

/** A national holiday, or collective leave (cuti bersama) decreed beside it. */
public enum HolidayKind { NATIONAL, COLLECTIVE_LEAVE }
