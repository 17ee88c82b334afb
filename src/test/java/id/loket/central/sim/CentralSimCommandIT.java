package id.loket.central.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.app.Main;
import id.loket.testing.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loket central-sim}: its fault, change and dump options, and the refusal of bad values. */
class CentralSimCommandIT {

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

    private static Run sim(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("central-sim", "--lang", "en", "--token", "t", "--port", "0"));
        args.addAll(List.of(extra));
        return loket(args.toArray(String[]::new));
    }

    @Test
    void badValuesAreRefusedWithOneLine() {
        Run sum = sim("--fail-rate", "503=0.7,500=0.5");
        Run unknown = sim("--fail-rate", "504=0.1");
        Run notANumber = sim("--fail-rate", "drop=lots");

        assertThat(sum.code()).isEqualTo(2);
        assertThat(sum.err().strip()).isEqualTo("--fail-rate cannot be read (503=0.7,500=0.5): the rates add up to more than 1.");
        assertThat(unknown.err()).contains("--fail-rate cannot be read (504=0.1): unknown fault");
        assertThat(notANumber.err()).contains("\"drop=lots\" needs a rate from 0 to 1");
        assertThat(sim("--retry-after", "-1").err().strip()).isEqualTo("--retry-after must be 0 to 3600 (given -1).");
        assertThat(sim("--slow-ms", "-5").err().strip()).isEqualTo("--slow-ms must be 0 to 600000 (given -5).");
        assertThat(sim("--changes-every", "0").err().strip()).isEqualTo("--changes-every must be 1 to 86400 (given 0).");
        assertThat(sim("--fault-seed", "x").code()).isEqualTo(2);
        assertThat(loket("central-sim", "--help").out()).contains("--fail-rate=KIND=RATE,...", "--retry-after=SECONDS",
                "--slow-ms=MS", "--fault-seed=S", "--changes-every=SECONDS", "--dump-applied=FILE");
    }

    @Test
    void runsWithFaultsAndWritesTheAppliedEventsWhenStopped() throws Exception {
        Path dump = dir.resolve("applied.jsonl");
        Process child = ChildJvm.start(dir.resolve("child"), "central-sim", "--lang", "en", "--token", "t", "--port", "0",
                "--date", "2026-11-27", "--count", "60", "--fail-rate", "500=0.5", "--fault-seed", "3",
                "--changes-every", "1", "--dump-applied", dump.toString());
        try {
            String baseUrl = waitForUrl(dir.resolve("child/out.txt"), child);
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (!Files.readString(dir.resolve("child/out.txt")).contains("fails on purpose") && System.nanoTime() < until) {
                Thread.sleep(50); // the second line may follow the first a moment later
            }
            assertThat(Files.readString(dir.resolve("child/out.txt"))).contains("fails on purpose on a share of requests: 500=0.5 (seed 3)");
            HttpClient http = HttpClient.newHttpClient();
            String eventId = UUID.randomUUID().toString();
            String body = "{\"events\":[{\"eventId\":\"" + eventId + "\",\"type\":\"WALK_IN_REGISTERED\",\"caseRef\":\"W-DPS-20261127-0001\","
                    + "\"occurredAt\":\"2026-11-27T08:15:00+08:00\",\"officer\":\"petugas1\"}]}";
            int status;
            int tries = 0;
            do {
                status = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/offices/DPS/events"))
                        .header("Authorization", "Bearer t").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                tries++;
            } while (status != 200 && tries < 50);
            assertThat(status).isEqualTo(200);
        } finally {
            child.destroy();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        List<String> lines = Files.readAllLines(dump, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.get("type").asText()).isEqualTo("WALK_IN_REGISTERED");
        assertThat(line.get("caseRef").asText()).isEqualTo("W-DPS-20261127-0001");
        assertThat(line.get("result").asText()).isEqualTo("APPLIED");
    }

    private static String waitForUrl(Path out, Process child) throws Exception {
        Pattern url = Pattern.compile("listening on (http://\\S+/api/v1)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(out)) {
                Matcher m = url.matcher(Files.readString(out, StandardCharsets.UTF_8));
                if (m.find()) {
                    return m.group(1);
                }
            }
            if (!child.isAlive()) {
                throw new AssertionError("central-sim ended: " + Files.readString(out.resolveSibling("err.txt")));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("central-sim did not start");
    }
}
