package id.loket.app;

import static id.loket.testing.SimulatedCentral.DAY;
import static id.loket.testing.SimulatedCentral.OFFICE;
import static id.loket.testing.SimulatedCentral.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.db.Database;
import id.loket.settings.repo.SettingsRepository;
import id.loket.testing.Cli;
import id.loket.testing.Cli.Run;
import id.loket.testing.RecordingServer;
import id.loket.testing.SimulatedCentral;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saved token goes only to the URL it was given for, and central's URL is https unless it
 * is this computer: checked against a second server on loopback that writes down every request
 * and its Authorization header.
 */
class CentralTokenBindingIT {

    @TempDir
    Path dir;

    private SimulatedCentral central;
    private RecordingServer other;
    private Path data;

    @BeforeEach
    void start() {
        central = new SimulatedCentral(3, 40);
        other = RecordingServer.http();
        data = dir.resolve("data");
    }

    @AfterEach
    void stop() {
        other.close();
        central.close();
    }

    private Run sync(String... extra) {
        List<String> args = new ArrayList<>(List.of("sync", "--lang", "en", "--date", DAY.toString(), "--data", data.toString(),
                "--retries", "0"));
        args.addAll(List.of(extra));
        return Cli.loket(args.toArray(String[]::new));
    }

    private String otherUrl() {
        return other.url(URI.create(central.baseUrl()).getPath());
    }

    @Test
    void aNewCentralWithoutATokenIsRefusedAndTheOldTokenNeverReachesIt() {
        assertThat(sync("--central", central.baseUrl(), "--token", TOKEN, "--office", OFFICE).code()).isZero();

        Run moved = sync("--central", otherUrl());

        assertThat(moved.code()).isEqualTo(1);
        assertThat(moved.err()).isEqualTo("The saved token was given for " + central.baseUrl() + ", so it is not sent to "
                + otherUrl() + ": give the token for " + otherUrl() + " with --token TOKEN or the environment variable LOKET_TOKEN."
                + System.lineSeparator());
        assertThat(other.requests()).isEmpty();
        Run stayed = sync();
        assertThat(stayed.code()).as("the refused URL was not saved").isZero();
        assertThat(other.requests()).isEmpty();
    }

    @Test
    void aNewCentralWithItsOwnTokenGetsThatTokenAndTheBindingMoves() {
        assertThat(sync("--central", central.baseUrl(), "--token", TOKEN, "--office", OFFICE).code()).isZero();

        Run moved = sync("--central", otherUrl(), "--token", "token-for-the-other");
        Run later = sync();
        Run back = sync("--central", central.baseUrl());

        assertThat(moved.code()).isEqualTo(1);
        assertThat(later.code()).isEqualTo(1);
        assertThat(other.requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer token-for-the-other"));
        assertThat(back.code()).as("the first central's token was replaced, so it is asked for again").isEqualTo(1);
        assertThat(back.err()).contains("The saved token was given for " + otherUrl());
    }

    @Test
    void theSameCentralWrittenDifferentlyKeepsItsToken() {
        URI sim = URI.create(central.baseUrl());
        assertThat(sync("--central", central.baseUrl(), "--token", TOKEN, "--office", OFFICE).code()).isZero();

        Run same = sync("--central", "HTTP://127.0.0.1:" + sim.getPort() + sim.getPath() + "/");

        assertThat(same.code()).as(same.err()).isZero();
    }

    @Test
    void aTokenSavedBeforeTokensWereBoundBelongsToTheUrlSavedWithIt() {
        try (Database db = Database.openFolder(data)) {
            SettingsRepository settings = new SettingsRepository(db.dsl());
            settings.put(SettingsRepository.CENTRAL_URL, central.baseUrl());
            settings.put(SettingsRepository.CENTRAL_TOKEN, TOKEN);
            settings.put(SettingsRepository.OFFICE_CODE, OFFICE);
        }

        Run same = sync();
        Run moved = sync("--central", otherUrl());

        assertThat(same.code()).as(same.err()).isZero();
        assertThat(moved.code()).isEqualTo(1);
        assertThat(moved.err()).contains("so it is not sent to " + otherUrl());
        assertThat(other.requests()).isEmpty();
    }

    @Test
    void plainHttpToAnotherComputerIsRefusedOnTheCommandLineAndFromTheSettings() {
        Run given = sync("--central", "http://10.20.30.40:8731/api/v1", "--token", TOKEN, "--office", OFFICE);

        assertThat(given.code()).isEqualTo(2);
        assertThat(given.err()).isEqualTo("Central's URL \"http://10.20.30.40:8731/api/v1\" is plain http://, which would send the "
                + "office's token unencrypted: use https:// (http:// is allowed only to this computer: 127.0.0.1, ::1 or localhost)."
                + System.lineSeparator());
        assertThat(data).doesNotExist();

        try (Database db = Database.openFolder(data)) {
            SettingsRepository settings = new SettingsRepository(db.dsl());
            settings.put(SettingsRepository.CENTRAL_URL, "http://central.kantor.lan/api/v1");
            settings.put(SettingsRepository.CENTRAL_TOKEN, TOKEN);
            settings.put(SettingsRepository.OFFICE_CODE, OFFICE);
        }
        Run saved = sync();

        assertThat(saved.code()).isEqualTo(1);
        assertThat(saved.err().strip()).startsWith("Central's URL \"http://central.kantor.lan/api/v1\" is plain http://")
                .doesNotContain("\n");
    }
}
