package id.loket.common.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * One screen's reload, coalesced: at most one read in flight and one pending. Asked while a read
 * runs, it reads once more when that one is done (so what changed meanwhile is shown), however
 * many times it was asked: a burst of changes costs two reads, not one per change. The read runs
 * on {@code tasks} (off the event-dispatch thread); {@code show} and {@code failed} run on the
 * event-dispatch thread. {@link #request()} may be called from any thread.
 */
public final class Reload<T> {

    private final Tasks tasks;
    private final Callable<T> read;
    private final Consumer<T> show;
    private final Consumer<Exception> failed;
    private boolean inFlight;
    private boolean pending;
    private int reads;

    public Reload(Tasks tasks, Callable<T> read, Consumer<T> show, Consumer<Exception> failed) {
        this.tasks = tasks;
        this.read = read;
        this.show = show;
        this.failed = failed;
    }

    /** Reads again soon: now if nothing is being read, else once the read in flight is done. */
    public void request() {
        if (!SwingUtilities.isEventDispatchThread()) {
            SwingUtilities.invokeLater(this::request);
            return;
        }
        if (inFlight) {
            pending = true;
            return;
        }
        inFlight = true;
        reads++;
        try {
            start();
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            inFlight = false; // the screen has closed: nothing more to read
        }
    }

    private void start() {
        tasks.run(read, result -> {
            try {
                show.accept(result);
            } finally {
                done();
            }
        }, e -> {
            try {
                failed.accept(e);
            } finally {
                done();
            }
        });
    }

    /** Whether a read is running (event-dispatch thread). */
    public boolean busy() {
        return inFlight;
    }

    /** How many reads were started (event-dispatch thread): tests count them. */
    public int reads() {
        return reads;
    }

    private void done() {
        inFlight = false;
        if (pending) {
            pending = false;
            request();
        }
    }
}
