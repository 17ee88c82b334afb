package id.loket.settings.repo;

import static id.loket.db.jooq.Tables.SETTING;

import id.loket.audit.AuditTrail;
import id.loket.settings.model.OfficeSettings;
import java.time.ZoneId;
import java.util.Optional;
import org.jooq.DSLContext;

/** Key-value settings of this desk, and the office settings read from them. */
public final class SettingsRepository implements KeyValues {

    public static final String OFFICE_CODE = "office.code";
    public static final String OFFICE_NAME = "office.name";
    public static final String OFFICE_ADDRESS = "office.address";
    public static final String OFFICE_ZONE = "office.zone";
    public static final String CENTRAL_URL = "central.url";
    public static final String CENTRAL_TOKEN = "central.token";
    /** The central URL the saved token was given for: the token is sent there and nowhere else. */
    public static final String CENTRAL_TOKEN_URL = "central.tokenUrl";
    /** A PEM file with the office's CA, trusted besides the default CAs for central (inspecting proxies); blank = none. */
    public static final String CENTRAL_CA_FILE = "central.caFile";
    public static final String LANGUAGE = "ui.language";
    public static final String HOLD_DAYS = "hold.days";
    /** The counter this desk stands at (recorded with every step taken here). */
    public static final String COUNTER = "desk.counter";

    /** Working days from the receipt to the pickup date (4 by default). */
    public static final String PICKUP_WORKING_DAYS = "pickup.workingDays";
    /** Pickup hours on the pickup date, "13:00-15:30" by default. */
    public static final String PICKUP_FIRST_DAY_HOURS = "pickup.firstDayHours";
    /** Pickup hours on the days after it, "08:00-15:30" by default. */
    public static final String PICKUP_LATER_DAY_HOURS = "pickup.laterDayHours";

    /** The printer chosen last in the print preview (a print service name). */
    public static final String PRINT_PRINTER = "print.printer";
    /** The paper chosen last in the print preview: A5, A4 or THERMAL_80MM. */
    public static final String PRINT_PAPER = "print.paper";
    /** Hours the oldest event may wait for central before the supervisor is warned (2 by default). */
    public static final String BACKLOG_WARN_HOURS = "sync.backlogWarnHours";

    private final DSLContext ctx;

    public SettingsRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Optional<String> get(String key) {
        return ctx.select(SETTING.SETTING_VALUE).from(SETTING).where(SETTING.SETTING_KEY.eq(key)).fetchOptional(SETTING.SETTING_VALUE);
    }

    /** Settings that are this desk's preferences, not the office's: changing them is not audited. */
    private static final java.util.Set<String> PREFERENCES = java.util.Set.of(LANGUAGE, COUNTER, PRINT_PRINTER, PRINT_PAPER);

    /**
     * Writes a setting. A change of the office's settings is audited (key and new value; a token's
     * value never: only that it changed), in the same transaction when {@code ctx} is one.
     */
    @Override
    public void put(String key, String value) {
        Optional<String> before = get(key);
        if (before.isPresent() && before.get().equals(value)) {
            return;
        }
        if (!PREFERENCES.contains(key)) {
            String shown = key.contains("token") || key.contains("password") ? "(changed)" : String.valueOf(value);
            new AuditTrail(ctx).appendOffice(id.loket.audit.model.OfficeAction.SETTING_CHANGED, "-", null,
                    key + " = " + (shown.length() > 200 ? shown.substring(0, 200) + "…" : shown),
                    java.time.OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }
        int updated = ctx.update(SETTING).set(SETTING.SETTING_VALUE, value).where(SETTING.SETTING_KEY.eq(key)).execute();
        if (updated == 0) {
            ctx.insertInto(SETTING, SETTING.SETTING_KEY, SETTING.SETTING_VALUE).values(key, value).execute();
        }
    }

    /** The office settings, Denpasar's defaults where nothing is set. */
    public OfficeSettings office() {
        OfficeSettings d = OfficeSettings.denpasar();
        return new OfficeSettings(
                get(OFFICE_CODE).orElse(d.code()),
                get(OFFICE_NAME).orElse(d.name()),
                get(OFFICE_ADDRESS).orElse(d.address()),
                get(OFFICE_ZONE).map(ZoneId::of).orElse(d.zone()));
    }
}
