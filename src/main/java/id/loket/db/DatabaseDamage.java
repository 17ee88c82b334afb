package id.loket.db;

/** What was wrong with a database file that was moved aside instead of opened. */
public enum DatabaseDamage {
    /** 0 bytes. */
    EMPTY,
    /** Shorter than the smallest database H2 writes, or not a whole number of its 4 KiB blocks. */
    SHORT,
    /** Does not begin as an H2 database (plain or encrypted) does. */
    NOT_H2,
    /** Its end is missing: the newest state its header names is not in the file (H2 would silently open an older one). */
    CUT_OFF,
    /** H2 finds its pages damaged. */
    UNREADABLE,
    /** Opens, but holds no Loket database (no migration history). */
    NOT_LOKET
}
