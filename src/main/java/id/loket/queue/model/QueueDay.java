package id.loket.queue.model;

import java.util.List;

/**
 * The day at the counter as one read gives it: the queue's lines and the day's figures as the
 * view {@code day_line} defines them (the figures the dashboard and the daily summary show),
 * so that the count line above the lines always speaks of the same moment.
 */
public record QueueDay(List<QueueEntry> entries, DayCounts counts) {

    public static final QueueDay EMPTY = new QueueDay(List.of(), DayCounts.NONE);

    public QueueDay {
        entries = List.copyOf(entries);
    }
}
