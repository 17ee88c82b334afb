package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.common.i18n.Messages;
import id.loket.staff.model.Role;
import id.loket.testing.TestSessions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The holiday calendar from the command line: open to read, admins only to change, signed in like the desk. */
class HolidaysCommandIT {

    @TempDir
    Path data;

    @TempDir
    Path secrets;

    private Path rightPassword;
    private Path wrongPassword;

    @BeforeEach
    void accounts() throws IOException {
        try (AppContext app = AppContext.open(data, Clock.systemUTC(), Messages.forLanguage("en"))) {
            TestSessions.account(app.caseWork(Clock.systemUTC()).db(), "admin", "Siti Nurhaliza", Role.ADMIN);
            TestSessions.account(app.caseWork(Clock.systemUTC()).db(), "petugas1", "Ni Luh Putu", Role.COUNTER);
        }
        rightPassword = Files.writeString(secrets.resolve("right"), TestSessions.PASSWORD + "\n");
        wrongPassword = Files.writeString(secrets.resolve("wrong"), "salah-salah-salah\n");
    }

    private record Run(int code, String out, String err) {
    }

    private Run loket(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void seededHolidaysAreListedWithoutALogin() {
        Run list = loket("holidays", "list", "--year", "2026", "--lang", "en", "--data", data.toString());

        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("2026-12-25").contains("National holiday");
    }

    @Test
    void anAdminAddsAndRemovesADay() {
        Run added = loket("holidays", "add", "--date", "2026-12-01", "--name", "Hari Jadi Kota Denpasar",
                "--kind", "NATIONAL", "--user", "admin", "--password-file", rightPassword.toString(), "--lang", "en", "--data", data.toString());
        Run listed = loket("holidays", "list", "--year", "2026", "--data", data.toString());
        Run removed = loket("holidays", "remove", "--date", "2026-12-01", "--user", "admin", "--password-file", rightPassword.toString(),
                "--lang", "en", "--data", data.toString());
        Run after = loket("holidays", "list", "--year", "2026", "--data", data.toString());

        assertThat(added.code()).isZero();
        assertThat(added.out()).contains("Holiday 2026-12-01 added.");
        assertThat(listed.out()).contains("2026-12-01  Libur nasional  Hari Jadi Kota Denpasar");
        assertThat(removed.code()).isZero();
        assertThat(after.out()).doesNotContain("2026-12-01");
    }

    @Test
    void aCounterOfficerCannotChangeTheCalendar() {
        Run refused = loket("holidays", "add", "--date", "2026-12-01", "--name", "X",
                "--user", "petugas1", "--password-file", rightPassword.toString(), "--lang", "en", "--data", data.toString());

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err().strip()).isEqualTo("You are not allowed to change the holiday calendar.");
        assertThat(loket("holidays", "list", "--year", "2026", "--data", data.toString()).out()).doesNotContain("2026-12-01");
    }

    @Test
    void withoutALoginAChangeIsRefusedOnAFolderWithAccounts() {
        Run refused = loket("holidays", "add", "--date", "2026-12-01", "--name", "X", "--lang", "en", "--data", data.toString());

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("needs a login").doesNotContain("Exception");
        assertThat(loket("holidays", "list", "--year", "2026", "--data", data.toString()).out()).doesNotContain("2026-12-01");
    }

    @Test
    void aWrongPasswordChangesNothing() {
        Run refused = loket("holidays", "remove", "--date", "2026-12-25", "--user", "admin", "--password-file", wrongPassword.toString(),
                "--lang", "en", "--data", data.toString());

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("Wrong user name or password.");
        assertThat(loket("holidays", "list", "--year", "2026", "--data", data.toString()).out()).contains("2026-12-25");
    }
}
