package id.loket.display.model;

import id.loket.casefile.model.QueueSeries;
import java.util.List;
import java.util.Map;

/**
 * What the waiting-room display shows at one moment: the calls after the last one it had seen
 * (oldest first, to announce), the last calls of the day (newest first), the number each counter
 * serves now, how many wait per series, and the supervisor's running text ("" when none).
 * Queue numbers and counters only: there is no field a name or a NIK could go into.
 */
public record DisplayBoard(List<QueueCall> newCalls, List<QueueCall> lastCalls, List<Serving> serving,
        Map<QueueSeries, Integer> waiting, String runningText) {

    /**
     * The call id to ask after next time: the last new call, or {@code after} if none came. A
     * first look ({@code after < 0}) announces nothing and goes on from the day's last call.
     */
    public long lastId(long after) {
        long last = after;
        for (QueueCall c : after < 0 ? lastCalls : newCalls) {
            last = Math.max(last, c.id());
        }
        return Math.max(last, 0);
    }
}
