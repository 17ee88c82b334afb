package id.loket.central.sim;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How often the simulated central misbehaves on its own, per {@link Fault.Kind}: a rate of 0..1
 * of the requests, drawn with a seeded {@link Random} so that a run can be repeated. The rates
 * add up to at most 1; one draw per request decides which fault (if any) it gets.
 *
 * @param rates            the fraction of requests per kind (kinds not present: 0); PASS is not a fault
 * @param retryAfterSeconds the Retry-After of a drawn 503 or 429
 * @param slowBy           how long a drawn SLOW waits before answering
 */
public record FaultRates(Map<Fault.Kind, Double> rates, int retryAfterSeconds, Duration slowBy) {

    /** Names accepted by {@link #parse}, as the command line writes them. */
    private static final Map<String, Fault.Kind> NAMES = Map.of(
            "503", Fault.Kind.UNAVAILABLE, "429", Fault.Kind.THROTTLED, "500", Fault.Kind.SERVER_ERROR,
            "slow", Fault.Kind.SLOW, "drop", Fault.Kind.DROP, "truncated", Fault.Kind.TRUNCATED,
            "malformed", Fault.Kind.MALFORMED);

    /** No fault is ever drawn. */
    public static final FaultRates NONE = new FaultRates(Map.of(), 1, Duration.ZERO);

    public FaultRates {
        EnumMap<Fault.Kind, Double> copy = new EnumMap<>(Fault.Kind.class);
        double total = 0;
        for (Map.Entry<Fault.Kind, Double> e : rates.entrySet()) {
            double rate = e.getValue();
            if (e.getKey() == Fault.Kind.PASS) {
                throw new IllegalArgumentException("PASS is not a fault");
            }
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("rate of " + e.getKey() + " must be 0 to 1, given " + rate);
            }
            total += rate;
            copy.put(e.getKey(), rate);
        }
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException("rates add up to more than 1: " + total);
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("Retry-After must be 0 or more, given " + retryAfterSeconds);
        }
        if (slowBy.isNegative()) {
            throw new IllegalArgumentException("slow delay must not be negative");
        }
        rates = Map.copyOf(copy);
    }

    /**
     * The Demo menu's "flaky central": {@code total} of the requests fail, split evenly between
     * 503, 429, 500, a dropped connection and a truncated body.
     */
    public static FaultRates flaky(double total, int retryAfterSeconds) {
        double each = total / 5;
        return new FaultRates(Map.of(Fault.Kind.UNAVAILABLE, each, Fault.Kind.THROTTLED, each,
                Fault.Kind.SERVER_ERROR, each, Fault.Kind.DROP, each, Fault.Kind.TRUNCATED, each),
                retryAfterSeconds, Duration.ZERO);
    }

    /**
     * Reads the command line's form {@code 503=0.1,429=0.05,500=0.05,drop=0.1,truncated=0.05,slow=0.05,malformed=0.01}.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static FaultRates parse(String spec, int retryAfterSeconds, Duration slowBy) {
        Map<Fault.Kind, Double> rates = new EnumMap<>(Fault.Kind.class);
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            Fault.Kind kind = eq > 0 ? NAMES.get(p.substring(0, eq).trim().toLowerCase(Locale.ROOT)) : null;
            if (kind == null) {
                throw new IllegalArgumentException("unknown fault \"" + p + "\" (use 503, 429, 500, slow, drop, truncated, malformed)");
            }
            double rate;
            try {
                rate = Double.parseDouble(p.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + p + "\" needs a rate from 0 to 1");
            }
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("\"" + p + "\" needs a rate from 0 to 1");
            }
            if (rates.put(kind, rate) != null) {
                throw new IllegalArgumentException("\"" + p.substring(0, eq) + "\" is given twice");
            }
        }
        double total = rates.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException("the rates add up to more than 1");
        }
        return new FaultRates(rates, retryAfterSeconds, slowBy);
    }

    public double rate(Fault.Kind kind) {
        return rates.getOrDefault(kind, 0.0);
    }

    /** The fraction of requests that get some fault. */
    public double total() {
        return rates.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** One draw: the fault this request gets, or null for none. Always takes exactly one number from {@code random}. */
    Fault draw(Random random) {
        double u = random.nextDouble();
        double upTo = 0;
        for (Fault.Kind kind : Fault.Kind.values()) {
            double rate = rate(kind);
            if (rate == 0) {
                continue;
            }
            upTo += rate;
            if (u < upTo) {
                return switch (kind) {
                    case UNAVAILABLE -> Fault.unavailable(retryAfterSeconds);
                    case THROTTLED -> Fault.throttled(retryAfterSeconds);
                    case SLOW -> Fault.slow(slowBy);
                    default -> Fault.of(kind);
                };
            }
        }
        return null;
    }
}
