package id.loket.simulate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What to simulate: the office's day, its hours, how many counters are open, the seed of every
 * choice, how fast the day runs ({@code speed}: 0 = as fast as possible, 1 = real time,
 * 60 = one simulated minute per real second) and when to stop ({@code until}, at the latest
 * the closing time; a later run resumes from there). The officers sit at counters
 * {@code firstCounter .. firstCounter + counters - 1} (from 1 unless another group of counters
 * simulates on the same database at the same time).
 */
public record SimulationSettings(String office, LocalDate date, ZoneId zone, OfficeHours hours, int counters,
        long seed, double speed, LocalTime until, int firstCounter) {

    public static final int MAX_COUNTERS = 50;
    /** The highest counter number a simulated officer may have ({@code firstCounter + counters - 1}). */
    public static final int MAX_COUNTER_NUMBER = 99;

    /** Counters numbered from 1: one group of counters, the whole office. */
    public SimulationSettings(String office, LocalDate date, ZoneId zone, OfficeHours hours, int counters, long seed, double speed,
            LocalTime until) {
        this(office, date, zone, hours, counters, seed, speed, until, 1);
    }

    public SimulationSettings {
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(hours, "hours");
        if (counters < 1 || counters > MAX_COUNTERS) {
            throw new IllegalArgumentException("counters " + counters);
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed " + speed);
        }
        if (firstCounter < 1 || firstCounter + counters - 1 > MAX_COUNTER_NUMBER) {
            throw new IllegalArgumentException("counters " + firstCounter + ".." + (firstCounter + counters - 1));
        }
        until = until == null ? hours.close() : until;
        if (!until.isAfter(hours.open()) || until.isAfter(hours.close())) {
            throw new IllegalArgumentException("until " + until);
        }
    }

    /** The whole day with the given counters and seed, as fast as possible. */
    public static SimulationSettings wholeDay(String office, LocalDate date, ZoneId zone, int counters, long seed) {
        return new SimulationSettings(office, date, zone, OfficeHours.DENPASAR, counters, seed, 0, null);
    }

    public SimulationSettings withUntil(LocalTime time) {
        return new SimulationSettings(office, date, zone, hours, counters, seed, speed, time, firstCounter);
    }

    /**
     * The same with this group's officers at counters {@code first .. first + counters - 1}: another
     * simulation on the same database (another group of the office's counters) uses other numbers.
     */
    public SimulationSettings withFirstCounter(int first) {
        return new SimulationSettings(office, date, zone, hours, counters, seed, speed, until, first);
    }
}
