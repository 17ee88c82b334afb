package id.loket.common.ui;

import java.util.concurrent.Callable;
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
 */
public final class Tasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Tasks.class);

    private final ExecutorService executor;

    public Tasks(String threadName) {
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public <T> void run(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        executor.execute(() -> {
            try {
                T result = work.call();
                SwingUtilities.invokeLater(() -> done.accept(result));
            } catch (Exception e) {
                LOG.debug("Background task failed", e);
                SwingUtilities.invokeLater(() -> failed.accept(e));
            }
        });
    }

    /** Takes no more work and returns at once; what runs finishes on its own. For the event-dispatch thread. */
    public void stop() {
        executor.shutdown();
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
