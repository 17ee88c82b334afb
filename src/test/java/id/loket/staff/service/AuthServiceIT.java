package id.loket.staff.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.loket.audit.model.OfficeAction;
import id.loket.common.model.AccessRefused;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.staff.repo.StaffRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Sessions, accounts, the password policy and the lockout against a real H2 file. */
class AuthServiceIT {

    private static final String ADMIN_PASSWORD = "Kopi-Kintamani-2026";
    private static final String OFFICER_PASSWORD = "Pantai-Sanur-Pagi";

    @TempDir
    Path dir;

    private Database db;
    private AuthService auth;
    private Authorization authorization;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:30:00Z"));

    @BeforeEach
    void open() {
        db = Database.openFolder(dir);
        authorization = new Authorization(db);
        auth = new AuthService(db, new PasswordHasher(), authorization, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Session admin() {
        if (!auth.hasAccounts()) {
            auth.createAccount(auth.setupSession(), "admin", "Siti Nurhaliza", Role.ADMIN, ADMIN_PASSWORD.toCharArray());
        }
        return auth.login("admin", ADMIN_PASSWORD.toCharArray(), null);
    }

    private Session officer() {
        Session admin = admin();
        auth.createAccount(admin, "petugas1", "Ni Luh Putu Ayu", Role.COUNTER, OFFICER_PASSWORD.toCharArray());
        return auth.login("petugas1", OFFICER_PASSWORD.toCharArray(), "3");
    }

    private static String key(Throwable e) {
        return ((UserFacingException) e).key();
    }

    @Test
    void aNewFolderTakesOnlyAnAdminAsItsFirstAccountAndThenNoMoreSetupSessions() {
        Session setup = auth.setupSession();

        assertThatThrownBy(() -> auth.createAccount(setup, "petugas1", "Ni Luh", Role.COUNTER, OFFICER_PASSWORD.toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("staff.firstMustBeAdmin"));
        auth.createAccount(setup, "admin", "Siti Nurhaliza", Role.ADMIN, ADMIN_PASSWORD.toCharArray());

        assertThatThrownBy(() -> auth.createAccount(setup, "admin2", "Dua", Role.ADMIN, ADMIN_PASSWORD.toCharArray()))
                .isInstanceOf(AccessRefused.class).satisfies(e -> assertThat(key(e)).isEqualTo("auth.setupOver"));
        assertThatThrownBy(auth::setupSession).satisfies(e -> assertThat(key(e)).isEqualTo("auth.setupOver"));
        assertThat(new StaffRepository(db.dsl()).count()).isEqualTo(1);
    }

    @Test
    void passwordIsStoredOnlyAsAnArgon2idHashWithAtLeastOwaspParameters() {
        admin();

        String stored = new StaffRepository(db.dsl()).find("admin").orElseThrow().passwordHash();

        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(ADMIN_PASSWORD);
    }

    @Test
    void theRightPasswordGivesASessionTheServicesAccept() {
        Session s = officer();

        assertThat(s.username()).isEqualTo("petugas1");
        assertThat(s.fullName()).isEqualTo("Ni Luh Putu Ayu");
        assertThat(s.role()).isEqualTo(Role.COUNTER);
        assertThat(s.counter()).isEqualTo("3");
        assertThat(authorization.require(s, Permission.CHECK_IN).username()).isEqualTo("petugas1");
        assertThat(auth.login(" PETUGAS1 ", OFFICER_PASSWORD.toCharArray(), null).username()).isEqualTo("petugas1");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameRefusal() {
        officer();

        assertThatThrownBy(() -> auth.login("petugas1", "salah-salah-salah".toCharArray(), null))
                .satisfies(e -> assertThat(key(e)).isEqualTo("login.refused"));
        assertThatThrownBy(() -> auth.login("nobody", OFFICER_PASSWORD.toCharArray(), null))
                .satisfies(e -> assertThat(key(e)).isEqualTo("login.refused"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesEvenAgainstTheRightOne() {
        officer();
        for (int i = 1; i <= 4; i++) {
            assertThatThrownBy(() -> auth.login("petugas1", "salah-salah-salah".toCharArray(), null))
                    .satisfies(e -> assertThat(key(e)).isEqualTo("login.refused"));
        }
        assertThatThrownBy(() -> auth.login("petugas1", "salah-salah-salah".toCharArray(), null))
                .satisfies(e -> assertThat(key(e)).isEqualTo("login.lockedNow"));

        assertThatThrownBy(() -> auth.login("petugas1", OFFICER_PASSWORD.toCharArray(), null))
                .satisfies(e -> assertThat(key(e)).isEqualTo("login.locked"));
        clock.advance(Duration.ofMinutes(14));
        assertThatThrownBy(() -> auth.login("petugas1", OFFICER_PASSWORD.toCharArray(), null))
                .satisfies(e -> assertThat(key(e)).isEqualTo("login.locked"));
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(auth.login("petugas1", OFFICER_PASSWORD.toCharArray(), null).username()).isEqualTo("petugas1");
        assertThat(officeAudit()).contains(OfficeAction.LOCKED_OUT.name());
    }

    @Test
    void anAdminUnlocksALockedAccount() {
        officer();
        for (int i = 0; i < AuthService.MAX_FAILED; i++) {
            try {
                auth.login("petugas1", "salah-salah-salah".toCharArray(), null);
            } catch (UserFacingException expected) {
                // counted
            }
        }
        auth.unlockAccount(admin(), "petugas1");

        assertThat(auth.login("petugas1", OFFICER_PASSWORD.toCharArray(), null).username()).isEqualTo("petugas1");
        assertThat(officeAudit()).contains(OfficeAction.UNLOCKED.name());
    }

    @Test
    void anUnknownUsernameCostsAnArgon2CheckLikeAKnownOne() {
        officer();
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            known.add(timeRefusal("petugas1"));
            unknown.add(timeRefusal("tidak-ada-" + i));
            auth.unlockAccount(admin(), "petugas1");
        }
        long medianKnown = median(known);
        long medianUnknown = median(unknown);

        // Argon2id with m=19 MiB takes tens of milliseconds here; an unanswered hash would take one or two.
        assertThat(medianUnknown).isGreaterThan(medianKnown / 2);
    }

    private long timeRefusal(String username) {
        long t0 = System.nanoTime();
        try {
            auth.login(username, "salah-salah-salah".toCharArray(), null);
        } catch (UserFacingException expected) {
            // refused, as intended
        }
        return System.nanoTime() - t0;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void whatWasTypedAsAnUnknownUsernameIsNeverLogged() {
        officer();
        Logger logger = (Logger) LoggerFactory.getLogger(AuthService.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ch.qos.logback.classic.Level level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO); // tests log warnings only; the desk logs INFO
        logger.addAppender(appender);
        try {
            assertThatThrownBy(() -> auth.login("Pantai-Sanur-Pagi", "x".toCharArray(), null)).isInstanceOf(AccessRefused.class);
            assertThatThrownBy(() -> auth.login("petugas1", "salah-salah-salah".toCharArray(), null)).isInstanceOf(AccessRefused.class);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("Pantai-Sanur-Pagi") || m.contains("pantai-sanur-pagi"))
                .anyMatch(m -> m.contains("petugas1"));
        assertThat(officeAudit()).doesNotContain("pantai-sanur-pagi");
    }

    @Test
    void weakPasswordsTakenNamesAndBadNamesAreRefused() {
        Session admin = admin();

        assertThatThrownBy(() -> auth.createAccount(admin, "petugas2", "I Made", Role.COUNTER, "short-1".toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("staff.shortPassword"));
        assertThatThrownBy(() -> auth.createAccount(admin, "petugas2", "I Made", Role.COUNTER, "password123".toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("staff.commonPassword"));
        assertThatThrownBy(() -> auth.createAccount(admin, "petugas2", "I Made", Role.COUNTER, "Indonesia2026!".toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("staff.commonPassword"));
        assertThatThrownBy(() -> auth.createAccount(admin, "petugas2", "I Made", Role.COUNTER, "aaaaaaaaaaaa".toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("staff.commonPassword"));
        assertThatThrownBy(() -> auth.createAccount(admin, "petugas2", "I Made", Role.COUNTER, "petugas2-rahasia".toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("staff.passwordIsName"));
        assertThatThrownBy(() -> auth.createAccount(admin, "admin", "Dua", Role.COUNTER, OFFICER_PASSWORD.toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("staff.taken"));
        assertThatThrownBy(() -> auth.createAccount(admin, "i made", "I Made", Role.COUNTER, OFFICER_PASSWORD.toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("staff.badUsername"));
        assertThat(new StaffRepository(db.dsl()).count()).isEqualTo(1);
    }

    @Test
    void passwordArrayIsWipedAfterUse() {
        Session admin = admin();
        char[] password = OFFICER_PASSWORD.toCharArray();
        auth.createAccount(admin, "petugas1", "Ni Luh Putu Ayu", Role.COUNTER, password);

        assertThat(password).containsOnly('\0');
    }

    @Test
    void onlyAnAdminCreatesAccounts() {
        Session officer = officer();

        assertThatThrownBy(() -> auth.createAccount(officer, "petugas9", "X", Role.ADMIN, OFFICER_PASSWORD.toCharArray()))
                .isInstanceOf(AccessRefused.class).satisfies(e -> assertThat(key(e)).isEqualTo("auth.forbidden"));
        assertThat(new StaffRepository(db.dsl()).exists("petugas9")).isFalse();
    }

    @Test
    void aSessionEndsAtLogoutAndWithTheAccount() {
        Session officer = officer();
        auth.logout(officer);
        assertThatThrownBy(() -> authorization.require(officer, Permission.CHECK_IN))
                .satisfies(e -> assertThat(key(e)).isEqualTo("auth.sessionUnknown"));

        Session again = auth.login("petugas1", OFFICER_PASSWORD.toCharArray(), null);
        auth.deactivate(admin(), "petugas1");
        assertThatThrownBy(() -> authorization.require(again, Permission.CHECK_IN))
                .satisfies(e -> assertThat(key(e)).isEqualTo("auth.inactive"));
        assertThatThrownBy(() -> auth.login("petugas1", OFFICER_PASSWORD.toCharArray(), null))
                .satisfies(e -> assertThat(key(e)).isEqualTo("login.refused"));
    }

    @Test
    void aRoleChangeTakesEffectOnSessionsAlreadyOpen() {
        Session officer = officer();
        assertThatThrownBy(() -> authorization.require(officer, Permission.CLOSE_DAY))
                .satisfies(e -> assertThat(key(e)).isEqualTo("auth.forbidden"));

        auth.changeRole(admin(), "petugas1", Role.SUPERVISOR);

        assertThat(authorization.require(officer, Permission.CLOSE_DAY).role()).isEqualTo(Role.SUPERVISOR);
        assertThat(officeAudit()).contains(OfficeAction.ROLE_CHANGED.name());
    }

    @Test
    void aForgedSessionIsRefusedWhateverRoleItClaims() {
        officer();
        Session forged = new Session("0123456789abcdef0123456789abcdef0123456789abcdef", Session.Kind.STAFF, "admin", "Siti", Role.ADMIN,
                clock.instant().atOffset(java.time.ZoneOffset.UTC), null);
        Session stolenName = auth.login("petugas1", OFFICER_PASSWORD.toCharArray(), "9");
        Session claimsMore = new Session(stolenName.id(), Session.Kind.STAFF, "admin", "Siti", Role.ADMIN, stolenName.loginAt(), null);

        assertThatThrownBy(() -> authorization.require(forged, Permission.MANAGE_STAFF))
                .satisfies(e -> assertThat(key(e)).isEqualTo("auth.sessionUnknown"));
        assertThatThrownBy(() -> authorization.require(claimsMore, Permission.MANAGE_STAFF))
                .satisfies(e -> assertThat(key(e)).isEqualTo("auth.sessionUnknown"));
    }

    @Test
    void theSystemPrincipalMayOnlyPullAndPush() {
        admin();
        Session system = auth.systemSession();

        assertThat(authorization.require(system, Permission.PULL).username()).isEqualTo("system");
        assertThat(authorization.require(system, Permission.PUSH).username()).isEqualTo("system");
        for (Permission p : Permission.values()) {
            if (p != Permission.PULL && p != Permission.PUSH) {
                assertThatThrownBy(() -> authorization.require(system, p)).as(p.name())
                        .satisfies(e -> assertThat(key(e)).isEqualTo("auth.forbidden"));
            }
        }
    }

    @Test
    void trainingSessionsExistOnlyOnATrainingFolderWithoutRealAccounts() {
        admin();
        assertThatThrownBy(() -> auth.trainingSession("petugas1", Role.SUPERVISOR, "1"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("auth.notTraining"));
        assertThatThrownBy(auth::markTraining).satisfies(e -> assertThat(key(e)).isEqualTo("simulate.realFolder"));
    }

    private String officeAudit() {
        return String.join("\n", db.dsl().select(id.loket.db.jooq.Tables.AUDIT_LOG.ACTION, id.loket.db.jooq.Tables.AUDIT_LOG.OFFICER,
                id.loket.db.jooq.Tables.AUDIT_LOG.DETAILS).from(id.loket.db.jooq.Tables.AUDIT_LOG)
                .where(id.loket.db.jooq.Tables.AUDIT_LOG.CASE_REF.isNull()).fetch().map(r -> r.formatCSV(false)));
    }

    /** A clock the test moves on. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Makassar");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
