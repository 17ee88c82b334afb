package id.loket.display.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.repo.AppointmentRepository;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.service.CaseWork;
import id.loket.central.sim.DayGenerator;
import id.loket.checkin.service.CheckInService;
import id.loket.db.Database;
import id.loket.display.model.QueueCall;
import id.loket.display.service.DisplayService;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.testing.TestDatabase;
import id.loket.testing.TestSessions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The display losing its database and finding it again, with a real database under it: the feed
 * says "lost" (the screen's red band) and keeps the last board, then reads again by itself, and
 * a call made while it was away is still announced.
 */
class DisplayFeedIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Makassar");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final String OFFICE = "DPS";
    private static final Session COUNTER = TestSessions.staff("petugas1", Role.COUNTER, "3");
    private static final Clock CLOCK = Clock.fixed(DAY.atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant(), ZONE);

    @TempDir
    Path dir;

    private static void checkInSome(Database db, int n) {
        TestSessions.register(db, COUNTER);
        List<Appointment> day = new DayGenerator(3).generate(OFFICE, DAY, 40, ZONE);
        db.inTransactionRun(tx -> new AppointmentRepository(tx).upsertNewer(day, OffsetDateTime.now(CLOCK)));
        CheckInService checkIn = new CheckInService(new CaseWork(db, CLOCK), OFFICE);
        day.stream().filter(a -> a.status() == AppointmentStatus.BOOKED && a.date().equals(DAY)).limit(n)
                .forEach(a -> checkIn.checkIn(a.id(), COUNTER));
    }

    private static CaseFile callNext(Database db) {
        return new CheckInService(new CaseWork(db, CLOCK), OFFICE).callNext(COUNTER).orElseThrow();
    }

    @Test
    void anH2FileClosedUnderTheDisplayIsSaidAndFoundAgainWhenItIsBack() {
        Path folder = dir.resolve("data");
        AtomicReference<Database> office = new AtomicReference<>(Database.openFolder(folder));
        try {
            checkInSome(office.get(), 3);
            DisplayFeed feed = new DisplayFeed(() -> new DisplayService(office.get(), CLOCK, OFFICE));
            assertThat(feed.poll().connected()).isTrue();
            CaseFile first = callNext(office.get());
            DisplayFeed.State before = feed.poll();
            assertThat(before.toAnnounce()).extracting(QueueCall::number).containsExactly(first.queueNumber());
            assertThat(feed.nextIn()).isEqualTo(DisplayFeed.EVERY);

            office.get().close(); // the database goes away under the display

            DisplayFeed.State lost = feed.poll();
            assertThat(lost.connected()).isFalse();
            assertThat(lost.board()).as("the last board stays on screen").isEqualTo(before.board());
            assertThat(lost.toAnnounce()).isEmpty();
            assertThat(feed.nextIn()).isEqualTo(DisplayFeed.RETRY_EVERY);
            assertThat(feed.poll().connected()).as("still away").isFalse();

            office.set(Database.openFolder(folder)); // back, and a counter calls meanwhile
            CaseFile second = callNext(office.get());

            DisplayFeed.State back = feed.poll();
            assertThat(back.connected()).isTrue();
            assertThat(back.toAnnounce()).extracting(QueueCall::number).containsExactly(second.queueNumber());
            assertThat(feed.nextIn()).isEqualTo(DisplayFeed.EVERY);
        } finally {
            office.get().close();
        }
    }

    @Test
    void aPostgresSchemaThatGoesAwayIsSaidAndTheSamePoolReadsAgainWhenItIsBack() {
        try (TestDatabase database = TestDatabase.open(TestDatabase.Backend.POSTGRES, dir, "display_feed_lost")) {
            Database db = database.db();
            checkInSome(db, 3);
            String schema = db.dsl().fetchSingle("SELECT current_schema()").get(0, String.class);
            // one service over one pool for the whole test, as the display process holds it
            DisplayService service = new DisplayService(db, CLOCK, OFFICE);
            DisplayFeed feed = new DisplayFeed(() -> service);
            assertThat(feed.poll().connected()).isTrue();

            db.dsl().execute("ALTER SCHEMA " + schema + " RENAME TO " + schema + "_away");
            try {
                assertThat(feed.poll().connected()).isFalse();
            } finally {
                db.dsl().execute("ALTER SCHEMA " + schema + "_away RENAME TO " + schema);
            }
            CaseFile called = callNext(db);
            DisplayFeed.State back = feed.poll();
            assertThat(back.connected()).isTrue();
            assertThat(back.toAnnounce()).extracting(QueueCall::number).containsExactly(called.queueNumber());
        }
    }
}
