package id.loket.display.model;

import id.loket.casefile.model.QueueNumber;

/** The number a counter is serving now (its last call, while that case is still in hand there). */
public record Serving(String counter, QueueNumber number) {
}
