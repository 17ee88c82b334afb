package id.loket.staff.service;

import static id.loket.db.jooq.Tables.STAFF_SESSION;

import id.loket.audit.AuditTrail;
import id.loket.audit.model.OfficeAction;
import id.loket.common.model.AccessRefused;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.staff.model.Guarded;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.staff.model.Staff;
import id.loket.staff.model.Unguarded;
import id.loket.staff.repo.StaffRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in and out, and the accounts. Passwords are checked against Argon2id hashes and wiped
 * after use; five wrong passwords in a row lock an account for 15 minutes; an unknown username
 * costs the same hashing time as a known one, and what was typed as a username is logged only
 * when it names an account (people type passwords there).
 */
public final class AuthService {

    /** Wrong passwords in a row that lock an account. */
    public static final int MAX_FAILED = 5;
    /** How long a locked account stays locked. */
    public static final Duration LOCK_FOR = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,50}");
    /**
     * Checked against when the username is unknown, so that the answer takes as long as for a
     * known one. Its password was random and is forgotten.
     */
    private static final String NOBODY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$bp1QZM1dBNvOlMhwI99BqQ$pOGA0omHv9RgXsKrPp2u+sCX9zUr0WybteBFEFg+pRk";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Authorization authorization;
    private final Clock clock;

    public AuthService(Database db, PasswordHasher hasher, Authorization authorization, Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.policy = new PasswordPolicy();
        this.authorization = authorization;
        this.clock = clock;
    }

    /**
     * Signs a person in at {@code counter} (may be null): a new session, or a refusal that does
     * not say whether the name or the password was wrong (a locked account is told so).
     */
    @Unguarded("signing in is how a session is had")
    public Session login(String username, char[] password, String counter) {
        try {
            String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
            StaffRepository.Account account = new StaffRepository(db.dsl()).find(name).orElse(null);
            OffsetDateTime now = now();
            if (account == null) {
                hasher.matches(password, NOBODY_HASH); // the same time as for a known name
                LOG.info("Login refused: no such account");
                db.inTransactionRun(tx -> new AuditTrail(tx).appendOffice(OfficeAction.LOGIN_REFUSED, "-", counter, "unknown username", now));
                throw new AccessRefused("login.refused");
            }
            boolean matches = hasher.matches(password, account.passwordHash());
            if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
                LOG.info("Login refused for '{}': locked until {}", name, account.lockedUntil());
                db.inTransactionRun(tx -> new AuditTrail(tx).appendOffice(OfficeAction.LOGIN_REFUSED, name, counter, "locked", now));
                long minutes = Math.max(1, Duration.between(now, account.lockedUntil()).plusSeconds(59).toMinutes());
                throw new AccessRefused("login.locked", minutes);
            }
            if (!account.active() || !matches) {
                refuse(name, account, counter, now);
            }
            Session session = db.inTransaction(tx -> {
                new StaffRepository(tx).loginSucceeded(name);
                new AuditTrail(tx).appendOffice(OfficeAction.LOGIN, name, counter, null, now);
                return open(tx, Session.Kind.STAFF, name, account.staff().fullName(), account.staff().role(), counter, now);
            });
            LOG.info("Login: {} ({})", name, account.staff().role());
            return session;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void refuse(String name, StaffRepository.Account account, String counter, OffsetDateTime now) {
        boolean locked = db.inTransaction(tx -> {
            StaffRepository repo = new StaffRepository(tx);
            AuditTrail audit = new AuditTrail(tx);
            int failed = repo.loginFailed(name);
            audit.appendOffice(OfficeAction.LOGIN_REFUSED, name, counter, account.active() ? "wrong password (" + failed + ")" : "inactive", now);
            if (account.active() && failed >= MAX_FAILED) {
                repo.lock(name, now.plus(LOCK_FOR));
                audit.appendOffice(OfficeAction.LOCKED_OUT, name, counter, failed + " wrong passwords; locked for " + LOCK_FOR.toMinutes() + " min", now);
                return true;
            }
            return false;
        });
        if (locked) {
            LOG.warn("Account '{}' locked for {} minutes after {} wrong passwords", name, LOCK_FOR.toMinutes(), MAX_FAILED);
            throw new AccessRefused("login.lockedNow", LOCK_FOR.toMinutes());
        }
        LOG.info("Login refused for '{}'", name);
        throw new AccessRefused("login.refused");
    }

    /**
     * Unlocks a desk locked while {@code locked} was signed in: the same officer's password, or a
     * supervisor's, who then takes the desk over. Answers the session the desk goes on with (the
     * old one is ended); anyone else is refused, with the same lockout as a login.
     */
    @Unguarded("a login at a locked desk")
    public Session unlockDesk(Session locked, String username, char[] password, String counter) {
        Session next = login(username, password, counter);
        boolean same = locked != null && next.username().equals(locked.username());
        if (!same && next.role() != Role.SUPERVISOR) {
            logout(next);
            throw new AccessRefused("desk.lock.notAllowed", locked == null ? "-" : locked.username());
        }
        OffsetDateTime now = now();
        db.inTransactionRun(tx -> new AuditTrail(tx).appendOffice(same ? OfficeAction.DESK_UNLOCKED : OfficeAction.DESK_TAKEN_OVER,
                next.username(), counter, same ? null : "from " + locked.username(), now));
        if (!same) {
            logout(locked);
        }
        return next;
    }

    /** Ends a session: it is refused from now on. */
    @Unguarded("ending one's own session needs nothing more than having it")
    public void logout(Session session) {
        if (session == null || session.id() == null) {
            return;
        }
        OffsetDateTime now = now();
        db.inTransactionRun(tx -> {
            int ended = tx.update(STAFF_SESSION).set(STAFF_SESSION.ENDED_AT, now)
                    .where(STAFF_SESSION.ID.eq(session.id()).and(STAFF_SESSION.ENDED_AT.isNull())).execute();
            if (ended > 0 && session.kind() == Session.Kind.STAFF) {
                new AuditTrail(tx).appendOffice(OfficeAction.LOGOUT, session.username(), session.counter(), null, now);
            }
        });
    }

    /**
     * Records the counter the desk of {@code session} stands at (null: none), for the
     * supervisor's dashboard: only that open session's own row is written, nothing is read.
     */
    @Unguarded("a desk says where its own session stands: only that open session's row is written, nothing is read")
    public void standAt(Session session, String counter) {
        if (session == null || session.id() == null) {
            return;
        }
        if (counter != null && !COUNTER.matcher(counter).matches()) {
            throw new UserFacingException("counter.number.invalid");
        }
        db.inTransactionRun(tx -> tx.update(STAFF_SESSION).set(STAFF_SESSION.COUNTER_NO, counter)
                .where(STAFF_SESSION.ID.eq(session.id()).and(STAFF_SESSION.USERNAME.eq(session.username()))
                        .and(STAFF_SESSION.ENDED_AT.isNull()))
                .execute());
    }

    /** A counter number as the desk takes it: 1 to 10 letters, digits or dashes. */
    private static final java.util.regex.Pattern COUNTER = java.util.regex.Pattern.compile("[0-9A-Za-z-]{1,10}");

    /** The session of the pull and push loops: it may do exactly that and nothing else. */
    @Unguarded("the system principal can only pull and push")
    public Session systemSession() {
        return db.inTransaction(tx -> open(tx, Session.Kind.SYSTEM, "system", "Loket", null, null, now()));
    }

    /**
     * A session for a data folder that has no account yet (being set up): everything may be
     * done until the first account exists, and nothing after.
     */
    @Unguarded("refused once any account exists")
    public Session setupSession() {
        return db.inTransaction(tx -> {
            if (new StaffRepository(tx).count() > 0) {
                throw new AccessRefused("auth.setupOver");
            }
            return open(tx, Session.Kind.SETUP, "setup", "setup", Role.ADMIN, null, now());
        });
    }

    /** A session on a training folder, as {@code username} with {@code role}: refused on any other folder. */
    @Unguarded("refused unless the folder is a training folder")
    public Session trainingSession(String username, Role role, String counter) {
        return db.inTransaction(tx -> {
            if (!isTraining(tx)) {
                throw new AccessRefused("auth.notTraining");
            }
            return open(tx, Session.Kind.TRAINING, username, username, role, counter, now());
        });
    }

    /** Whether this folder is a training folder (made by demo or simulate). */
    @Unguarded("a flag of the folder, no personal data")
    public boolean isTraining() {
        return isTraining(db.dsl());
    }

    private static boolean isTraining(DSLContext ctx) {
        return new id.loket.settings.Settings(ctx).get(Authorization.TRAINING_SETTING).map("true"::equals).orElse(false);
    }

    /**
     * Marks this folder as a training folder (demo, simulate), which only a folder without any
     * account may become; a folder with real accounts is refused in words.
     */
    @Unguarded("refused on a folder with real accounts")
    public void markTraining() {
        db.inTransactionRun(tx -> {
            if (isTraining(tx)) {
                return;
            }
            if (new StaffRepository(tx).count() > 0) {
                throw new UserFacingException("simulate.realFolder");
            }
            new id.loket.settings.Settings(tx).put(Authorization.TRAINING_SETTING, "true");
            new AuditTrail(tx).appendOffice(OfficeAction.TRAINING_FOLDER, "-", null, "marked as a training folder", now());
        });
    }

    /**
     * Creates an account on a training folder (the demo's), with a password hash made beforehand
     * (demo passwords are published, so the password policy does not apply). Refused on any other
     * folder: demo accounts exist only in demo and training folders.
     */
    @Unguarded("refused unless the folder is a training folder")
    public void createTrainingAccount(Staff staff, String passwordHash) {
        db.inTransactionRun(tx -> {
            if (!isTraining(tx)) {
                throw new AccessRefused("auth.notTraining");
            }
            StaffRepository repo = new StaffRepository(tx);
            if (!repo.exists(staff.username())) {
                repo.insert(staff, passwordHash, now());
                new AuditTrail(tx).appendOffice(OfficeAction.ACCOUNT_CREATED, "-", null, staff.username() + " " + staff.role() + " (training)", now());
            }
        });
    }

    private static Session open(DSLContext tx, Session.Kind kind, String username, String fullName, Role role, String counter,
            OffsetDateTime now) {
        byte[] id = new byte[24];
        RANDOM.nextBytes(id);
        String token = HexFormat.of().formatHex(id);
        tx.insertInto(STAFF_SESSION)
                .set(STAFF_SESSION.ID, token)
                .set(STAFF_SESSION.KIND, kind.name())
                .set(STAFF_SESSION.USERNAME, username)
                .set(STAFF_SESSION.ROLE, role == null ? null : role.name())
                .set(STAFF_SESSION.STARTED_AT, now)
                .set(STAFF_SESSION.COUNTER_NO, counter != null && COUNTER.matcher(counter).matches() ? counter : null)
                .execute();
        return new Session(token, kind, username, fullName, role, now, counter);
    }

    /**
     * Creates an account (admins only; on a folder being set up, only the first account, an
     * admin). Refuses a taken or malformed username and a weak password.
     */
    @Guarded(Permission.MANAGE_STAFF)
    public Staff createAccount(Session session, String username, String fullName, Role role, char[] password) {
        try {
            Officer admin = authorization.require(session, Permission.MANAGE_STAFF);
            if (session.kind() == Session.Kind.SETUP && role != Role.ADMIN) {
                throw new UserFacingException("staff.firstMustBeAdmin");
            }
            String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
            if (!USERNAME.matcher(name).matches()) {
                throw new UserFacingException("staff.badUsername", name.length() > 50 ? name.substring(0, 50) + "…" : name);
            }
            if (fullName == null || fullName.isBlank()) {
                throw new UserFacingException("staff.blankName");
            }
            if (fullName.strip().length() > 200) {
                throw new UserFacingException("staff.longName", 200);
            }
            if (role == null) {
                throw new UserFacingException("staff.noRole");
            }
            policy.check(name, password);
            Staff staff = new Staff(name, fullName.strip(), role);
            String hash = hasher.hash(password);
            OffsetDateTime now = now();
            db.inTransactionRun(tx -> {
                StaffRepository repo = new StaffRepository(tx);
                if (repo.exists(name)) {
                    throw new UserFacingException("staff.taken", name);
                }
                repo.insert(staff, hash, now);
                new AuditTrail(tx).appendOffice(OfficeAction.ACCOUNT_CREATED, admin.username(), session.counter(), name + " " + role, now);
            });
            LOG.info("Account created: {} ({}) by {}", name, role, admin.username());
            return staff;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Gives an account another role (admins only; not one's own). */
    @Guarded(Permission.MANAGE_STAFF)
    public void changeRole(Session session, String username, Role role) {
        Officer admin = authorization.require(session, Permission.MANAGE_STAFF);
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (role == null) {
            throw new UserFacingException("staff.noRole");
        }
        if (name.equals(admin.username())) {
            throw new UserFacingException("staff.notYourself");
        }
        db.inTransactionRun(tx -> {
            StaffRepository repo = new StaffRepository(tx);
            Role before = repo.find(name).orElseThrow(() -> new UserFacingException("staff.unknown", name)).staff().role();
            repo.setRole(name, role);
            new AuditTrail(tx).appendOffice(OfficeAction.ROLE_CHANGED, admin.username(), session.counter(), name + " " + before + " -> " + role, now());
        });
        LOG.info("Role of {} changed to {} by {}", name, role, admin.username());
    }

    /** Deactivates an account: it can no longer sign in, and its open sessions are refused (admins only; not one's own). */
    @Guarded(Permission.MANAGE_STAFF)
    public void deactivate(Session session, String username) {
        Officer admin = authorization.require(session, Permission.MANAGE_STAFF);
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (name.equals(admin.username())) {
            throw new UserFacingException("staff.notYourself");
        }
        db.inTransactionRun(tx -> {
            StaffRepository repo = new StaffRepository(tx);
            repo.find(name).orElseThrow(() -> new UserFacingException("staff.unknown", name));
            repo.setActive(name, false);
            new AuditTrail(tx).appendOffice(OfficeAction.ACCOUNT_DEACTIVATED, admin.username(), session.counter(), name, now());
        });
        LOG.info("Account {} deactivated by {}", name, admin.username());
    }

    /** Unlocks an account locked by wrong passwords (admins only). */
    @Guarded(Permission.MANAGE_STAFF)
    public void unlockAccount(Session session, String username) {
        Officer admin = authorization.require(session, Permission.MANAGE_STAFF);
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        db.inTransactionRun(tx -> {
            StaffRepository repo = new StaffRepository(tx);
            repo.find(name).orElseThrow(() -> new UserFacingException("staff.unknown", name));
            repo.loginSucceeded(name);
            new AuditTrail(tx).appendOffice(OfficeAction.UNLOCKED, admin.username(), session.counter(), name, now());
        });
        LOG.info("Account {} unlocked by {}", name, admin.username());
    }

    /** The accounts, for an administrator. */
    @Guarded(Permission.MANAGE_STAFF)
    public List<StaffRepository.Account> accounts(Session session) {
        authorization.require(session, Permission.MANAGE_STAFF);
        return new StaffRepository(db.dsl()).all();
    }

    @Unguarded("whether the folder is being set up; no personal data")
    public boolean hasAccounts() {
        return new StaffRepository(db.dsl()).count() > 0;
    }

    /** Whether {@code username} is a user name an account may have (2–50 of a-z, 0-9, ". _ -", after lower-casing). */
    public static boolean validUsername(String username) {
        return username != null && USERNAME.matcher(username.trim().toLowerCase(Locale.ROOT)).matches();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
