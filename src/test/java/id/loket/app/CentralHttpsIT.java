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
import id.loket.testing.TestCertificates;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Central over https behind an office's inspecting proxy: a real TLS server on loopback whose
 * certificate an office CA of the test's own signed (made with keytool), passing requests on to
 * the simulator. Without the office CA Loket refuses the connection in words; with it, it syncs.
 */
class CentralHttpsIT {

    @TempDir
    static Path certificates;

    private static TestCertificates.Made made;

    @TempDir
    Path dir;

    private SimulatedCentral central;
    private RecordingServer proxy;
    private Path data;
    private String httpsUrl;

    @BeforeAll
    static void makeCertificates() throws Exception {
        made = TestCertificates.make(certificates);
    }

    @BeforeEach
    void start() {
        central = new SimulatedCentral(5, 250);
        URI sim = URI.create(central.baseUrl());
        proxy = RecordingServer.httpsProxy(made.serverContext(), "http://127.0.0.1:" + sim.getPort());
        httpsUrl = proxy.url(sim.getPath());
        data = dir.resolve("data");
    }

    @AfterEach
    void stop() {
        proxy.close();
        central.close();
    }

    private Run sync(String... extra) {
        List<String> args = new ArrayList<>(List.of("sync", "--lang", "en", "--office", OFFICE, "--date", DAY.toString(),
                "--data", data.toString(), "--retries", "0"));
        args.addAll(List.of(extra));
        return Cli.loket(args.toArray(String[]::new));
    }

    private static void assertNoStackTrace(Run run) {
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at id.loket");
    }

    @Test
    void withoutTheOfficeCaTheCertificateIsRefusedInWordsAndNothingIsSent() {
        Run run = sync("--central", httpsUrl, "--token", TOKEN);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("Central's certificate at 127.0.0.1:" + URI.create(httpsUrl).getPort() + " is not trusted")
                .contains("--central-ca FILE");
        assertNoStackTrace(run);
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    void withTheOfficeCaTheSyncGoesThroughTheProxyAndTheCaIsRemembered() throws Exception {
        Run first = sync("--central", httpsUrl, "--token", TOKEN, "--central-ca", made.caPem().toString());

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("250 received");
        assertThat(proxy.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
        try (Database db = Database.openFolder(data)) {
            SettingsRepository settings = new SettingsRepository(db.dsl());
            assertThat(settings.get(SettingsRepository.CENTRAL_CA_FILE)).contains(made.caPem().toAbsolutePath().toString());
            assertThat(settings.get(SettingsRepository.CENTRAL_URL)).contains(httpsUrl);
        }

        Run again = sync();

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains(" 0 received");
    }

    @Test
    void removingTheOfficeCaMakesTheProxyUntrustedAgain() {
        assertThat(sync("--central", httpsUrl, "--token", TOKEN, "--central-ca", made.caPem().toString()).code()).isZero();
        int before = proxy.requests().size();

        Run run = sync("--central-ca", "");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("is not trusted");
        assertThat(proxy.requests()).hasSize(before);
    }

    @Test
    void aCaFileThatIsNotPemIsRefusedBeforeAnythingIsCreated() throws Exception {
        Path der = dir.resolve("office-ca.der");
        Files.write(der, new byte[] {0x30, (byte) 0x82, 0x01, 0x0a, 0x02, 0x01});
        Path missing = dir.resolve("nowhere.pem");

        Run notPem = sync("--central", httpsUrl, "--token", TOKEN, "--central-ca", der.toString());
        Run absent = sync("--central", httpsUrl, "--token", TOKEN, "--central-ca", missing.toString());
        Run folder = sync("--central", httpsUrl, "--token", TOKEN, "--central-ca", dir.toString());

        assertThat(notPem.code()).isEqualTo(2);
        assertThat(notPem.err()).isEqualTo("The office CA file " + der.toAbsolutePath()
                + " holds no PEM certificate (a block beginning -----BEGIN CERTIFICATE-----)." + System.lineSeparator());
        assertThat(absent.code()).isEqualTo(2);
        assertThat(absent.err().strip()).isEqualTo("The office CA file " + missing.toAbsolutePath() + " does not exist.");
        assertThat(folder.code()).isEqualTo(2);
        assertThat(folder.err().strip()).isEqualTo("The office CA file " + dir.toAbsolutePath() + " is a folder, not a file.");
        assertThat(data).doesNotExist();
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    void aSavedCaFileThatWentMissingIsRefusedInOneLine() throws Exception {
        Path copy = dir.resolve("copy.pem");
        Files.copy(made.caPem(), copy);
        assertThat(sync("--central", httpsUrl, "--token", TOKEN, "--central-ca", copy.toString()).code()).isZero();
        Files.delete(copy);
        int before = proxy.requests().size();

        Run run = sync();

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("The office CA file " + copy.toAbsolutePath() + " does not exist.");
        assertThat(proxy.requests()).hasSize(before);
    }
}
