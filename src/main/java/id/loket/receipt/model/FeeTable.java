package id.loket.receipt.model;

import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import java.util.Map;
import java.util.function.Function;

/**
 * What a passport costs, in whole rupiah: by passport type and validity, plus the same-day
 * surcharge and the fine for a lost or damaged passport. The amounts are data (settings
 * {@code fee.*}), with PP 45/2024 as reported as defaults, to be confirmed by the office.
 * Central's own amount wins for a booking; this table prices walk-ins.
 */
public final class FeeTable {

    /** Setting keys and their defaults. */
    public static final Map<String, Long> DEFAULTS = Map.of(
            "fee.REGULAR.5", 350_000L,
            "fee.REGULAR.10", 650_000L,
            "fee.ELECTRONIC.5", 650_000L,
            "fee.ELECTRONIC.10", 950_000L,
            "fee.sameDay", 1_000_000L,
            "fee.fine.REPLACEMENT_LOST", 1_000_000L,
            "fee.fine.REPLACEMENT_DAMAGED", 500_000L);

    private final Function<String, Long> amounts;

    /** {@code setting} answers a setting's amount, or null to take the default. */
    public FeeTable(Function<String, Long> setting) {
        this.amounts = key -> {
            Long set = setting.apply(key);
            return set != null ? set : DEFAULTS.getOrDefault(key, 0L);
        };
    }

    public long fee(PassportType type, int validityYears, boolean sameDay, ServiceType service) {
        long fee = amounts.apply("fee." + type.name() + "." + validityYears);
        if (sameDay) {
            fee += amounts.apply("fee.sameDay");
        }
        if (service == ServiceType.REPLACEMENT_LOST || service == ServiceType.REPLACEMENT_DAMAGED) {
            fee += amounts.apply("fee.fine." + service.name());
        }
        return fee;
    }
}
