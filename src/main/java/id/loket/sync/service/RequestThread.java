package id.loket.sync.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The one thread a pull or a push asks central on, so that the database work of the last answer overlaps the next request. */
final class RequestThread {

    private RequestThread() {
    }

    /** A single daemon thread named {@code name}; shut it down when the pull or push ends. */
    static ExecutorService open(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
