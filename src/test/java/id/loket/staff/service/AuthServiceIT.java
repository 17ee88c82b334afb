package id.loket.staff.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.staff.model.Role;
import id.loket.staff.model.Staff;
import id.loket.staff.repo.StaffRepository;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts and login against a real H2 file. */
class AuthServiceIT {

    @TempDir
    Path dir;

    private Database db;
    private AuthService auth;

    @BeforeEach
    void open() {
        db = Database.openFolder(dir);
        auth = new AuthService(db, new PasswordHasher(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void passwordIsStoredOnlyAsAnArgon2idHash() {
        auth.createAccount("petugas1", "Ni Luh Putu Ayu", Role.COUNTER, "rahasia-123".toCharArray());

        String stored = new StaffRepository(db.dsl()).find("petugas1").orElseThrow().passwordHash();

        assertThat(stored).startsWith("$argon2id$").doesNotContain("rahasia-123");
    }

    @Test
    void rightPasswordLogsIn() {
        auth.createAccount("Petugas1", "Ni Luh Putu Ayu", Role.COUNTER, "rahasia-123".toCharArray());

        Staff staff = auth.login(" petugas1 ", "rahasia-123".toCharArray());

        assertThat(staff).isEqualTo(new Staff("petugas1", "Ni Luh Putu Ayu", Role.COUNTER));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameRefusal() {
        auth.createAccount("petugas1", "Ni Luh Putu Ayu", Role.COUNTER, "rahasia-123".toCharArray());

        assertThatThrownBy(() -> auth.login("petugas1", "salah-salah".toCharArray()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("login.refused"));
        assertThatThrownBy(() -> auth.login("nobody", "rahasia-123".toCharArray()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("login.refused"));
    }

    @Test
    void passwordArrayIsWipedAfterUse() {
        char[] password = "rahasia-123".toCharArray();
        auth.createAccount("petugas1", "Ni Luh Putu Ayu", Role.COUNTER, password);

        assertThat(password).containsOnly('\0');
    }

    @Test
    void shortPasswordTakenNameAndBadNameAreRefused() {
        auth.createAccount("petugas1", "Ni Luh Putu Ayu", Role.COUNTER, "rahasia-123".toCharArray());

        assertThatThrownBy(() -> auth.createAccount("petugas2", "I Made", Role.COUNTER, "short".toCharArray()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("staff.shortPassword"));
        assertThatThrownBy(() -> auth.createAccount("petugas1", "I Made", Role.COUNTER, "rahasia-456".toCharArray()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("staff.taken"));
        assertThatThrownBy(() -> auth.createAccount("i made", "I Made", Role.COUNTER, "rahasia-456".toCharArray()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("staff.badUsername"));
        assertThat(new StaffRepository(db.dsl()).count()).isEqualTo(1);
    }
}
