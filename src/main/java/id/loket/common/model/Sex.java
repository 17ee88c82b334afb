package id.loket.common.model;

/** Sex as written on the e-KTP and in the NIK (women's birth day + 40). */
public enum Sex { M, F }
