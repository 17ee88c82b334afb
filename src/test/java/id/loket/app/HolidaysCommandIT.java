package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.common.i18n.Messages;
import id.loket.staff.model.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The holiday calendar from the command line: open to read, admins only to change. */
class HolidaysCommandIT {

    @TempDir
    Path data;

    private InputStream stdin;

    @BeforeEach
    void accounts() {
        stdin = System.in;
        try (AppContext app = AppContext.open(data, Clock.systemUTC(), Messages.forLanguage("en"))) {
            app.auth().createAccount("admin", "Siti Nurhaliza", Role.ADMIN, "admin-sandi-1".toCharArray());
            app.auth().createAccount("petugas1", "Ni Luh Putu", Role.COUNTER, "petugas-sandi-1".toCharArray());
        }
    }

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    private record Run(int code, String out, String err) {
    }

    private Run loket(String password, String... args) {
        System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void seededHolidaysAreListed() {
        Run list = loket("", "holidays", "list", "--year", "2026", "--lang", "en", "--data", data.toString());

        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("2026-12-25").contains("National holiday");
    }

    @Test
    void anAdminAddsAndRemovesADay() {
        Run added = loket("admin-sandi-1", "holidays", "add", "--date", "2026-12-01", "--name", "Hari Jadi Kota Denpasar",
                "--kind", "NATIONAL", "--username", "admin", "--lang", "en", "--data", data.toString());
        Run listed = loket("", "holidays", "list", "--year", "2026", "--data", data.toString());
        Run removed = loket("admin-sandi-1", "holidays", "remove", "--date", "2026-12-01", "--username", "admin",
                "--lang", "en", "--data", data.toString());
        Run after = loket("", "holidays", "list", "--year", "2026", "--data", data.toString());

        assertThat(added.code()).isZero();
        assertThat(added.out()).contains("Holiday 2026-12-01 added.");
        assertThat(listed.out()).contains("2026-12-01  Libur nasional  Hari Jadi Kota Denpasar");
        assertThat(removed.code()).isZero();
        assertThat(after.out()).doesNotContain("2026-12-01");
    }

    @Test
    void aCounterOfficerCannotChangeTheCalendar() {
        Run refused = loket("petugas-sandi-1", "holidays", "add", "--date", "2026-12-01", "--name", "X",
                "--username", "petugas1", "--lang", "en", "--data", data.toString());

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).doesNotContain("Exception");
        assertThat(loket("", "holidays", "list", "--year", "2026", "--data", data.toString()).out()).doesNotContain("2026-12-01");
    }

    @Test
    void aWrongPasswordChangesNothing() {
        Run refused = loket("salah", "holidays", "remove", "--date", "2026-12-25", "--username", "admin", "--lang", "en",
                "--data", data.toString());

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("Wrong user name or password.");
        assertThat(loket("", "holidays", "list", "--year", "2026", "--data", data.toString()).out()).contains("2026-12-25");
    }
}
