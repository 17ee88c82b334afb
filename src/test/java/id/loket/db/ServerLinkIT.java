package id.loket.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.casefile.service.CaseWork;
import id.loket.checkin.service.CheckInService;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.settings.repo.SettingsRepository;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.sync.service.PullService;
import id.loket.sync.service.RetrySettings;
import id.loket.testing.SimulatedCentral;
import id.loket.testing.TcpProxy;
import id.loket.testing.TestDatabase;
import id.loket.testing.TestSessions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The office's database server lost in the middle of the day (the cable pulled between the
 * desk and the server): the next step is refused in words and not half-written, the steps already
 * confirmed are all on the server, the desk is told the link is lost and told again when the
 * server answers, and the same step then goes through. No local copy is fallen back on.
 */
class ServerLinkIT {

    @Test
    void aServerLostMidDayIsSaidInWordsLosesNoConfirmedStepAndIsFoundAgainByItself() throws Exception {
        try (SimulatedCentral central = new SimulatedCentral(11, 40);
                TestDatabase.PostgresSchema pg = TestDatabase.postgresSchema("ServerLinkIT")) {
            URI direct = URI.create(pg.url().substring("jdbc:".length()));
            try (TcpProxy cable = new TcpProxy(direct.getHost(), direct.getPort());
                    Database desk = Database.openPostgres(pg.url().replace(":" + direct.getPort() + "/", ":" + cable.port() + "/"),
                            pg.user(), pg.password())) {
                Clock clock = Clock.fixed(SimulatedCentral.DAY.atTime(LocalTime.of(9, 0)).atZone(SimulatedCentral.ZONE).toInstant(),
                        SimulatedCentral.ZONE);
                new SettingsRepository(desk.dsl()).put(SettingsRepository.OFFICE_CODE, SimulatedCentral.OFFICE);
                assertThat(new PullService(desk, central.client(Duration.ofSeconds(5)), RetrySettings.none(), clock, Messages.forLanguage("en"),
                        200, TestSessions.system(desk)).pull(SimulatedCentral.OFFICE, SimulatedCentral.DAY, 1, PullService.Listener.NONE).complete())
                        .isTrue();
                Session officer = TestSessions.staff("petugas1", Role.COUNTER, "1");
                TestSessions.register(desk, officer);
                CheckInService checkIn = new CheckInService(new CaseWork(desk, clock), SimulatedCentral.OFFICE);
                List<Appointment> booked = central.store().latest(SimulatedCentral.OFFICE, SimulatedCentral.DAY).stream()
                        .filter(a -> a.status() == AppointmentStatus.BOOKED).toList();
                List<Optional<Instant>> told = new CopyOnWriteArrayList<>();
                desk.serverLink().subscribe(told::add);

                checkIn.checkIn(booked.get(0).id(), officer);
                assertThat(desk.serverLink().lostSince()).isEmpty();

                cable.cut();
                long asked = System.nanoTime();
                assertThatThrownBy(() -> checkIn.checkIn(booked.get(1).id(), officer))
                        .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("data.serverLost"));
                assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("refused within the pool's timeout, not after minutes")
                        .isLessThan(Duration.ofSeconds(20));
                assertThat(desk.serverLink().lostSince()).isPresent();
                assertThat(told).hasSize(1).allMatch(Optional::isPresent);
                try (Database server = pg.open()) {
                    assertThat(server.dsl().fetchCount(id.loket.db.jooq.Tables.CASE_FILE)).as("the confirmed check-in is on the server, the refused one not")
                            .isEqualTo(1);
                }

                cable.restore();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (desk.serverLink().lostSince().isPresent() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(desk.serverLink().lostSince()).as("found again without anybody asking").isEmpty();
                assertThat(told).hasSize(2).last().isEqualTo(Optional.empty());
                checkIn.checkIn(booked.get(1).id(), officer);
                assertThat(desk.dsl().fetchCount(id.loket.db.jooq.Tables.CASE_FILE)).isEqualTo(2);
            }
        }
    }
}
