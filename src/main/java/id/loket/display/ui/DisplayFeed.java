package id.loket.display.ui;

import id.loket.display.model.DisplayBoard;
import id.loket.display.model.QueueCall;
import id.loket.display.service.DisplayService;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the display up to date: every {@link #EVERY} one read of the board after the last call
 * seen. A read that fails (the database went away) turns the feed {@link State#connected() lost}:
 * the screen says so and keeps the last board; the service is dropped and asked again of
 * {@code connect} on the next read (every {@link #RETRY_EVERY} while lost), until a read succeeds.
 * Not thread-safe: one thread polls.
 */
public final class DisplayFeed {

    /** How often the board is read while the database answers. */
    public static final Duration EVERY = Duration.ofMillis(500);
    /** How often a lost database is tried again. */
    public static final Duration RETRY_EVERY = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(DisplayFeed.class);

    /**
     * What the screen shows after a read: whether the database answered, the last board it gave
     * (null before the first), and the calls that came since the read before (to announce).
     */
    public record State(boolean connected, DisplayBoard board, List<QueueCall> toAnnounce) {
    }

    private final Supplier<DisplayService> connect;
    private DisplayService service;
    private long lastId = -1;
    private DisplayBoard board;
    private boolean lost;

    /** {@code connect} answers the service on the office database, or throws while it cannot be reached. */
    public DisplayFeed(Supplier<DisplayService> connect) {
        this.connect = connect;
    }

    /** One read. Never throws: a failure is a lost database. */
    public State poll() {
        try {
            if (service == null) {
                service = connect.get();
            }
            DisplayBoard next = service.board(lastId);
            lastId = next.lastId(lastId);
            board = next;
            if (lost) {
                LOG.info("Display: the database answers again");
                lost = false;
            }
            return new State(true, board, next.newCalls());
        } catch (RuntimeException e) {
            service = null;
            if (!lost) {
                LOG.warn("Display: the database does not answer ({}); trying again every {} s", e.toString(), RETRY_EVERY.toSeconds());
                lost = true;
            }
            return new State(false, board, List.of());
        }
    }

    /** How long to wait before the next read. */
    public Duration nextIn() {
        return lost ? RETRY_EVERY : EVERY;
    }
}
