package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.common.model.UserFacingException;
import id.loket.settings.repo.PcSettings;
import id.loket.settings.repo.SettingsRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which database a PC works on: command line, then environment, then what the PC remembered; the H2 file otherwise. */
class DatabaseChoiceTest {

    private static final String URL = "jdbc:postgresql://server:5432/loket";

    @TempDir
    Path dir;

    private DatabaseChoice.Given given(String url, String user, Path file) {
        return new DatabaseChoice.Given(url, user, file);
    }

    @Test
    void nothingNamedMeansTheH2FileOfTheDataFolder() {
        assertThat(DatabaseChoice.resolve(given(null, null, null), Map.of(), new PcSettings(dir))).isEmpty();
        assertThat(dir.resolve(PcSettings.FILE)).doesNotExist();
    }

    @Test
    void theCommandLineIsRememberedAndTheEnvironmentIsNot() {
        PcSettings pc = new PcSettings(dir);
        Path pw = dir.resolve("pw");
        DatabaseChoice chosen = DatabaseChoice.resolve(given(URL, "loket", pw), Map.of(), pc).orElseThrow();
        assertThat(chosen.url()).isEqualTo(URL);
        assertThat(DatabaseChoice.resolve(given(null, null, null), Map.of(), pc)).contains(chosen.withAbsoluteFile());

        // the environment wins over what is remembered, and is not written down
        String other = "jdbc:postgresql://other:5432/loket";
        DatabaseChoice fromEnv = DatabaseChoice.resolve(given(null, null, null), Map.of(DatabaseChoice.URL_VARIABLE, other,
                DatabaseChoice.USER_VARIABLE, "kantor", DatabaseChoice.PASSWORD_FILE_VARIABLE, "/etc/loket/pw"), pc).orElseThrow();
        assertThat(fromEnv.url()).isEqualTo(other);
        assertThat(fromEnv.user()).isEqualTo("kantor");
        assertThat(pc.get(PcSettings.DB_URL)).contains(URL);

        // "local" forgets the server
        assertThat(DatabaseChoice.resolve(given("local", null, null), Map.of(), pc)).isEmpty();
        assertThat(pc.get(PcSettings.DB_URL)).isEmpty();
        assertThat(DatabaseChoice.resolve(given(null, null, null), Map.of(), pc)).isEmpty();
    }

    @Test
    void thePasswordIsTheFirstLineOfItsFileAndAMissingOrEmptyFileIsSaidInWords() throws Exception {
        Path pw = dir.resolve("pw");
        DatabaseChoice c = DatabaseChoice.of(URL + "?ssl=true", "loket", pw);
        assertThatThrownBy(c::password).isInstanceOf(UserFacingException.class).extracting(e -> ((UserFacingException) e).key())
                .isEqualTo("db.passwordFileNotFound");
        Files.writeString(pw, "\n");
        assertThatThrownBy(c::password).extracting(e -> ((UserFacingException) e).key()).isEqualTo("db.passwordFileEmpty");
        Files.writeString(pw, "rahasia kantor\nignored\n");
        assertThat(c.password()).isEqualTo("rahasia kantor");
        assertThat(c.where()).isEqualTo(URL).doesNotContain("ssl");
        assertThat(c.toString()).doesNotContain("rahasia");
    }

    @Test
    void theCounterLanguageAndPrinterArePcSettingsWhileTheOfficesStayInTheDatabase() {
        PcSettings pc = new PcSettings(dir);
        pc.put(SettingsRepository.COUNTER, "7");
        pc.put(SettingsRepository.PRINT_PRINTER, "Epson TM-T82 (lantai 2)");
        PcSettings again = new PcSettings(dir);
        assertThat(again.get(SettingsRepository.COUNTER)).contains("7");
        assertThat(again.get(SettingsRepository.PRINT_PRINTER)).contains("Epson TM-T82 (lantai 2)");
        assertThat(PcSettings.DESK_KEYS).contains(SettingsRepository.COUNTER, SettingsRepository.LANGUAGE).doesNotContain(SettingsRepository.OFFICE_CODE);
    }
}
