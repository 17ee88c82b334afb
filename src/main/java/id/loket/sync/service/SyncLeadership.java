package id.loket.sync.service;

import java.util.Optional;

/**
 * Which process of the office talks to central. With the H2 file there is one process, which
 * always does. On the office's PostgreSQL server every desk and the headless sync worker may run
 * the pull and push loops, but only the holder of one advisory lock does: when the holder dies,
 * the server frees the lock and the next one to ask takes over.
 */
public interface SyncLeadership extends AutoCloseable {

    /**
     * Whether this process is the one talking to central now; asks for the role if it does not
     * hold it (cheap: one query). A holder whose connection to the server is gone is not one.
     */
    boolean holdsOrAcquires();

    /** Who holds the role, in words for the status bar and the log (empty: nobody, or unknown). */
    Optional<String> holder();

    @Override
    void close();

    /** The single process of an H2 file: always the one. */
    SyncLeadership ALONE = new SyncLeadership() {
        @Override
        public boolean holdsOrAcquires() {
            return true;
        }

        @Override
        public Optional<String> holder() {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    };
}
