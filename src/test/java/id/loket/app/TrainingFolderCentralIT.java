package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.common.i18n.Messages;
import id.loket.db.Database;
import id.loket.settings.repo.SettingsRepository;
import id.loket.staff.service.Authorization;
import id.loket.testing.Cli;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training folder (made by {@code simulate} or {@code demo}) never talks to a central that is
 * not on this computer, whichever command is asked to, and a refused run saves nothing. The
 * address 192.0.2.1 (TEST-NET-1) is never reached: the refusal comes first.
 */
class TrainingFolderCentralIT {

    private static final String REMOTE = "https://192.0.2.1:9443/api/v1";
    private static final String LOCAL = "http://127.0.0.1:9/api/v1";

    @TempDir
    Path tmp;

    private Path trainingFolder() {
        Path data = tmp.resolve("training");
        try (AppContext app = AppContext.open(data, Clock.systemUTC(), Messages.forLanguage("en"))) {
            app.auth().markTraining();
            app.settings().put(SettingsRepository.CENTRAL_URL, LOCAL);
            app.settings().put(SettingsRepository.CENTRAL_TOKEN, "latihan-token");
            app.settings().put(SettingsRepository.CENTRAL_TOKEN_URL, LOCAL);
            app.settings().put(SettingsRepository.OFFICE_CODE, "DPS");
        }
        return data;
    }

    private static String get(Path data, String key) {
        try (Database db = Database.openFolder(data)) {
            return new SettingsRepository(db.dsl()).get(key).orElse(null);
        }
    }

    @Test
    void syncOfATrainingFolderToARemoteCentralIsRefusedAndNothingSaved() {
        Path data = trainingFolder();
        for (String command : new String[] {"sync", "sync-worker"}) {
            Cli.Run run = Cli.loket("--data", data.toString(), "--lang", "en", "--central", REMOTE, "--token", "real-token", command);
            assertThat(run.code()).as(command + ": " + run.err()).isEqualTo(1);
            assertThat(run.err().strip()).startsWith("A training folder never sends to a real central: " + REMOTE)
                    .doesNotContain("\n").doesNotContain("Exception");
        }
        assertThat(get(data, SettingsRepository.CENTRAL_URL)).isEqualTo(LOCAL);
        assertThat(get(data, SettingsRepository.CENTRAL_TOKEN)).isEqualTo("latihan-token");
    }

    @Test
    void aRefusedSimulateLeavesTheFolderAsItWas() {
        Path data = tmp.resolve("new");
        Cli.Run run = Cli.loket("--data", data.toString(), "--lang", "en", "--central", REMOTE, "--token", "real-token", "--office", "DPS",
                "simulate", "--date", "2026-12-07");
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("A training folder never sends to a real central").doesNotContain("Exception");
        assertThat(get(data, Authorization.TRAINING_SETTING)).isNull();
        assertThat(get(data, SettingsRepository.CENTRAL_URL)).isNull();
        assertThat(get(data, SettingsRepository.CENTRAL_TOKEN)).isNull();
    }
}
