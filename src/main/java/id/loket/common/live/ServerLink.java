package id.loket.common.live;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Whether the office's database server answers this process: lost since when, or fine. A desk
 * shows it in words; while it is lost, Loket keeps trying by itself and tells again when the
 * server answers. (An H2 file is never lost this way.)
 */
public interface ServerLink {

    /** Since when the server has not answered; empty while it answers. */
    Optional<Instant> lostSince();

    /** Calls {@code subscriber} (on a background thread) each time the link is lost or found again. */
    ChangeFeed.Subscription subscribe(Consumer<Optional<Instant>> subscriber);
}
