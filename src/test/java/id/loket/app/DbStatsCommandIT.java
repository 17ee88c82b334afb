package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.db.Database;
import id.loket.staff.model.Role;
import id.loket.testing.Cli;
import id.loket.testing.TestSessions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loket db stats}: each table's rows, largest first, and the file's size; signed in as a supervisor or an administrator. */
class DbStatsCommandIT {

    @TempDir
    Path tmp;

    private static String[] args(Path data, String user) {
        List<String> all = new ArrayList<>(List.of("--data", data.toString(), "--lang", "en", "db", "stats"));
        all.addAll(Cli.signIn(user));
        return all.toArray(String[]::new);
    }

    @Test
    void countsEveryTableLargestFirstAndNoView() {
        Path data = tmp.resolve("data");
        try (Database db = Database.openFolder(data)) {
            TestSessions.account(db, "supervisor", "Ketut Sudarsana", Role.SUPERVISOR);
            TestSessions.account(db, "petugas1", "Ni Luh Putu Ayu Lestari", Role.COUNTER);
        }
        Cli.Run run = Cli.loket(args(data, "supervisor"));
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).as("the 45 holidays shipped are the largest table of a new folder").isEqualTo("holiday: 45 rows");
        assertThat(run.out()).contains("staff: 2 rows", "outbox_event: 0 rows", "audit_log: ")
                .doesNotContain("day_line").doesNotContain("flyway").containsPattern("Database file .*loket.mv.db: \\d+ MiB");
    }

    @Test
    void aCounterOfficerIsRefusedInOneLine() {
        Path data = tmp.resolve("data");
        try (Database db = Database.openFolder(data)) {
            TestSessions.account(db, "petugas1", "Ni Luh Putu Ayu Lestari", Role.COUNTER);
        }
        Cli.Run run = Cli.loket(args(data, "petugas1"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception");
    }
}
