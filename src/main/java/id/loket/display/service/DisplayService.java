package id.loket.display.service;

import static id.loket.db.jooq.Tables.SETTING;

import id.loket.audit.AuditTrail;
import id.loket.audit.model.OfficeAction;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.display.model.DisplayBoard;
import id.loket.display.model.QueueCall;
import id.loket.display.repo.QueueCallRepository;
import id.loket.staff.model.Guarded;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;
import id.loket.staff.model.Unguarded;
import id.loket.staff.service.Authorization;
import id.loket.staff.service.Officer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The waiting-room display's reads, and the supervisor's running text on it.
 *
 * <p>Who may read: nobody signs in at a TV. The board is read {@link Unguarded} rather than by a
 * principal of its own because what it returns is exactly what the TV shows to everyone in the
 * waiting room — queue numbers, counter numbers, counts and the running text, never a name or a
 * NIK (the model has no field for either, and the queries select none) — so a credential kept on
 * the display PC would protect nothing, and would be one more secret to leak from an unattended
 * machine. Writing the running text is guarded ({@link Permission#SET_DISPLAY_TEXT}) and audited.
 */
public final class DisplayService {

    /** The office setting that holds the running text. */
    public static final String RUNNING_TEXT = "display.runningText";
    /** Longest running text: one sentence or two that pass by in under a minute. */
    public static final int RUNNING_TEXT_MAX = 300;
    /** The last calls shown beside the numbers served now. */
    public static final int LAST_CALLS = 8;
    /** New calls taken at most per read (more wait for the next read). */
    static final int NEW_CALLS_MAX = 20;

    private final Database db;
    private final Authorization authorization;
    private final Clock clock;
    private final String office;

    public DisplayService(Database db, Clock clock, String office) {
        this.db = db;
        this.authorization = new Authorization(db);
        this.clock = clock;
        this.office = office;
    }

    /**
     * Today's board: the calls after call {@code afterId} (none on a first look, {@code afterId < 0}),
     * the last calls, the numbers served now, the waiting counts and the running text.
     */
    @Unguarded("queue numbers and counters only: what the waiting-room TV shows to everyone, no name or NIK")
    public DisplayBoard board(long afterId) {
        LocalDate today = LocalDate.now(clock);
        return db.inTransaction(tx -> {
            QueueCallRepository calls = new QueueCallRepository(tx);
            List<QueueCall> fresh = afterId < 0 ? List.of() : calls.after(office, today, afterId, NEW_CALLS_MAX);
            return new DisplayBoard(fresh, calls.latest(office, today, LAST_CALLS), calls.serving(office, today),
                    calls.waiting(office, today), runningText(tx));
        });
    }

    /** The running text now ("" when none is set). */
    @Unguarded("the running text is shown to everyone in the waiting room")
    public String runningText() {
        return runningText(db.dsl());
    }

    private static String runningText(DSLContext ctx) {
        return Optional.ofNullable(ctx.select(SETTING.SETTING_VALUE).from(SETTING).where(SETTING.SETTING_KEY.eq(RUNNING_TEXT))
                .fetchOne(SETTING.SETTING_VALUE)).orElse("");
    }

    /**
     * Sets the running text of the office's displays (blank clears it); audited with who set it.
     * Line breaks become spaces; longer than {@link #RUNNING_TEXT_MAX} characters is refused.
     */
    @Guarded(Permission.SET_DISPLAY_TEXT)
    public String setRunningText(Session session, String text) {
        String clean = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        int length = clean.codePointCount(0, clean.length());
        return db.inTransaction(tx -> {
            Officer actor = authorization.require(tx, session, Permission.SET_DISPLAY_TEXT);
            if (length > RUNNING_TEXT_MAX) {
                throw new UserFacingException("display.text.tooLong", length, RUNNING_TEXT_MAX);
            }
            if (clean.equals(runningText(tx))) {
                return clean;
            }
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
            new AuditTrail(tx).appendOffice(OfficeAction.SETTING_CHANGED, actor.username(), actor.counter(),
                    RUNNING_TEXT + " = " + clean, now);
            if (tx.update(SETTING).set(SETTING.SETTING_VALUE, clean).where(SETTING.SETTING_KEY.eq(RUNNING_TEXT)).execute() == 0) {
                tx.insertInto(SETTING, SETTING.SETTING_KEY, SETTING.SETTING_VALUE).values(RUNNING_TEXT, clean).execute();
            }
            return clean;
        });
    }
}
