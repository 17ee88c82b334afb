package id.loket.simulate;

import static id.loket.testing.SimulatedCentral.DAY;
import static id.loket.testing.SimulatedCentral.OFFICE;
import static id.loket.testing.SimulatedCentral.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.app.Main;
import id.loket.casefile.model.OutboxState;
import id.loket.testing.SimulatedCentral;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loket simulate} with central away all morning: the counters go on, the outbox waits, and the afternoon drains it. */
class SimulateWithCentralDownIT {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run loket(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] simulate(SimulatedCentral central, Path data, String... extra) {
        List<String> args = new ArrayList<>(List.of("simulate", "--central", central.baseUrl(), "--token", TOKEN, "--office", OFFICE,
                "--date", DAY.toString(), "--data", data.toString(), "--lang", "en", "--counters", "3"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void aDayWithCentralDownAllMorningGoesOnAndEverythingIsSentByClosing() throws Exception {
        Path data = dir.resolve("data");
        try (SimulatedCentral central = new SimulatedCentral(5, 120)) {
            Run early = loket(simulate(central, data, "--until", "08:00"));
            central.sim().goDown();
            Run morning = loket(simulate(central, data, "--until", "12:00"));
            OutboxAudit atNoon = OutboxAudit.read(data, OFFICE, DAY);
            central.sim().comeBack();
            Run afternoon = loket(simulate(central, data));

            assertThat(early.code()).as(early.err()).isZero();
            assertThat(morning.code()).as(morning.err()).isZero();
            assertThat(morning.err()).contains("Central cannot be reached");
            assertThat(morning.out()).containsPattern("Outbox now: [1-9][0-9]* waiting")
                    .contains("Events still wait for central")
                    .contains("Events sent to central in this run: 0 applied");
            assertThat(atNoon.count(OutboxState.PENDING)).as("the morning's work waits in the outbox").isGreaterThan(100);
            assertThat(atNoon.cases()).hasSizeGreaterThan(50);

            assertThat(afternoon.code()).as(afternoon.err()).isZero();
            assertThat(afternoon.out()).contains("Outbox now: 0 waiting, 0 held behind a conflict, 0 failed")
                    .doesNotContain("Events still wait for central");
            OutboxAudit closing = OutboxAudit.read(data, OFFICE, DAY);
            assertThat(closing.count(OutboxState.SENT)).isEqualTo(closing.events().size());
            closing.assertConvergedWith(central.store());
            System.out.printf("central down 08:00-12:00: %d events waited at noon, %d sent by closing; real time %s + %s + %s%n",
                    atNoon.count(OutboxState.PENDING), closing.events().size(), took(early), took(morning), took(afternoon));
        }
    }

    private static String took(Run run) {
        return run.out().lines().filter(l -> l.startsWith("Real time taken")).findFirst().orElse("?");
    }
}
