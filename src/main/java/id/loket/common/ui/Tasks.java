package id.loket.common.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs slow work (database, files) off the event-dispatch thread, on a named thread, and hands
 * the result back on the event-dispatch thread. The EDT never waits for a disk or a network.
 * Injected into the screens (never looked up), so a test can run the work and the hand-back on
 * the calling thread ({@link #onCallingThread()}) or on executors it controls.
 */
public final class Tasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Tasks.class);

    private final Executor work;
    private final Executor handBack;
    private final ExecutorService owned;

    /** Work on one daemon thread of that name, results back on the event-dispatch thread. */
    public Tasks(String threadName) {
        this.owned = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.work = owned;
        this.handBack = SwingUtilities::invokeLater;
    }

    /** Work on {@code work}, results handed back through {@code handBack} (for tests: executors they control). */
    public Tasks(Executor work, Executor handBack) {
        this.owned = null;
        this.work = work;
        this.handBack = handBack;
    }

    /** Work and hand-back at once, on the calling thread: a model's test runs without threads or a display. */
    public static Tasks onCallingThread() {
        return new Tasks(Runnable::run, Runnable::run);
    }

    public <T> void run(Callable<T> task, Consumer<T> done, Consumer<Exception> failed) {
        work.execute(() -> {
            T result;
            try {
                result = task.call();
            } catch (Exception e) {
                LOG.debug("Background task failed", e);
                handBack.execute(() -> failed.accept(e));
                return;
            }
            handBack.execute(() -> done.accept(result));
        });
    }

    /** Takes no more work and returns at once; what runs finishes on its own. For the event-dispatch thread. */
    public void stop() {
        if (owned != null) {
            owned.shutdown();
        }
    }

    @Override
    public void close() {
        if (owned == null) {
            return;
        }
        owned.shutdown();
        try {
            owned.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
