package id.loket.casefile.model;

/** A queue number of the day, printed as {@code A-001}. Numbers restart each day per series. */
public record QueueNumber(QueueSeries series, int number) {

    @Override
    public String toString() {
        return series.name() + "-" + String.format("%03d", number);
    }
}
