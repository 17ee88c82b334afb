package id.loket.display.model;

import id.loket.casefile.model.QueueNumber;
import java.time.OffsetDateTime;

/**
 * One call of a queue number to a counter ({@code recalled}: the officer called the same number
 * again). {@code id} increases with every call, so a display asks for those after the last it saw.
 */
public record QueueCall(long id, QueueNumber number, String counter, OffsetDateTime calledAt, boolean recalled) {
}
