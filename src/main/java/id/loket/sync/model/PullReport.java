package id.loket.sync.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What one pull did; {@code conflicts}: new conflicts between the office's work and central's
 * changes it found (see the supervisor's conflicts). {@code failure} holds the one-line message of the fault that stopped it;
 * pages applied before the fault stay applied and the next pull resumes after them.
 */
public record PullReport(
        List<LocalDate> dates,
        int pages,
        int received,
        int applied,
        int ignored,
        List<RejectedItem> rejected,
        int conflicts,
        Optional<String> failure) {

    public PullReport {
        dates = List.copyOf(dates);
        rejected = List.copyOf(rejected);
    }

    public boolean complete() {
        return failure.isEmpty();
    }
}
