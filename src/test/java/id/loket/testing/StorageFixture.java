package id.loket.testing;

import static id.loket.db.jooq.Tables.STAFF;
import static id.loket.db.jooq.Tables.STAFF_SESSION;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.repo.AppointmentRepository;
import id.loket.central.sim.CentralStore;
import id.loket.db.Database;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.security.SecureRandom;

/** Data for the storage tests: realistic appointments of central's simulator, accounts and their sessions, bytes of files. */
public final class StorageFixture {

    private StorageFixture() {
    }

    /** {@code count} appointments of {@link SimulatedCentral#DAY}, as central's simulator makes them for {@code seed}. */
    public static List<Appointment> appointments(long seed, int count) {
        Clock clock = Clock.system(SimulatedCentral.ZONE);
        return new CentralStore(seed, Set.of(SimulatedCentral.OFFICE), count, SimulatedCentral.ZONE, clock)
                .latest(SimulatedCentral.OFFICE, SimulatedCentral.DAY);
    }

    /** Stores them as a pull does (one transaction). */
    public static void store(Database db, List<Appointment> items) {
        db.inTransactionRun(tx -> new AppointmentRepository(tx).upsertNewer(items, OffsetDateTime.now()));
    }

    /**
     * An account with {@code role} and a session of it, as the database holds them after a
     * login (the rows {@code AuthService.login} writes; the password is never used here).
     */
    public static Session signedIn(Database db, String username, Role role) {
        OffsetDateTime now = OffsetDateTime.now();
        String id = HexFormat.of().formatHex(SecureRandom.getSeed(16));
        db.inTransactionRun(tx -> {
            if (!tx.fetchExists(STAFF, STAFF.USERNAME.eq(username))) {
                tx.insertInto(STAFF).set(STAFF.USERNAME, username).set(STAFF.FULL_NAME, "Test " + username).set(STAFF.ROLE, role.name())
                        .set(STAFF.PASSWORD_HASH, "-").set(STAFF.ACTIVE, true).set(STAFF.CREATED_AT, now).execute();
            }
            tx.insertInto(STAFF_SESSION).set(STAFF_SESSION.ID, id).set(STAFF_SESSION.KIND, Session.Kind.STAFF.name())
                    .set(STAFF_SESSION.USERNAME, username).set(STAFF_SESSION.ROLE, role.name()).set(STAFF_SESSION.STARTED_AT, now).execute();
        });
        return new Session(id, Session.Kind.STAFF, username, username, role, now, "1");
    }

    /** Whether {@code text} occurs in the file's bytes, as UTF-8 (how H2 stores strings) or UTF-16. */
    public static boolean fileContains(Path file, String text) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return indexOf(bytes, text.getBytes(StandardCharsets.UTF_8)) >= 0
                || indexOf(bytes, text.getBytes(StandardCharsets.UTF_16BE)) >= 0
                || indexOf(bytes, text.getBytes(StandardCharsets.UTF_16LE)) >= 0;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
