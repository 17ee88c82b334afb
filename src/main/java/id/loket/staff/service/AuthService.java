package id.loket.staff.service;

import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.staff.model.Role;
import id.loket.staff.model.Staff;
import id.loket.staff.repo.StaffRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logging staff in and creating accounts. Passwords are checked against Argon2id hashes and wiped after use. */
public final class AuthService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,50}");
    private static final int MIN_PASSWORD = 8;

    private final Database db;
    private final PasswordHasher hasher;
    private final Clock clock;

    public AuthService(Database db, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** The staff member, or a refusal that does not say whether the name or the password was wrong. */
    public Staff login(String username, char[] password) {
        try {
            String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
            StaffRepository.Account account = new StaffRepository(db.dsl()).find(name).orElse(null);
            if (account == null || !account.active() || !hasher.matches(password, account.passwordHash())) {
                LOG.info("Login refused for '{}'", name);
                throw new UserFacingException("login.refused");
            }
            LOG.info("Login: {} ({})", account.staff().username(), account.staff().role());
            return account.staff();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Creates an account; refuses a taken or malformed username and a short password. */
    public Staff createAccount(String username, String fullName, Role role, char[] password) {
        try {
            String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
            if (!USERNAME.matcher(name).matches()) {
                throw new UserFacingException("staff.badUsername", name);
            }
            if (fullName == null || fullName.isBlank()) {
                throw new UserFacingException("staff.blankName");
            }
            if (password.length < MIN_PASSWORD) {
                throw new UserFacingException("staff.shortPassword", MIN_PASSWORD);
            }
            Staff staff = new Staff(name, fullName, role);
            String hash = hasher.hash(password);
            db.inTransactionRun(tx -> {
                StaffRepository repo = new StaffRepository(tx);
                if (repo.exists(name)) {
                    throw new UserFacingException("staff.taken", name);
                }
                repo.insert(staff, hash, OffsetDateTime.now(clock));
            });
            LOG.info("Account created: {} ({})", name, role);
            return staff;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    public boolean hasAccounts() {
        return new StaffRepository(db.dsl()).count() > 0;
    }
}
