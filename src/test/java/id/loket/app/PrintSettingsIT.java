package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.db.Database;
import id.loket.document.PaperSize;
import id.loket.printing.PrintChoice;
import id.loket.settings.repo.SettingsRepository;
import id.loket.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printer and paper chosen in the preview survive a restart (settings print.printer, print.paper). */
class PrintSettingsIT {

    @TempDir
    Path dir;

    @Test
    void nothingChosenYetMeansTheDefaultPrinterAndA5() {
        try (TestDatabase t = TestDatabase.open(TestDatabase.Backend.H2, dir, "print_settings_default")) {
            PrintChoice c = new PrintSettings(new SettingsRepository(t.db().dsl())).load();
            assertThat(c).isEqualTo(new PrintChoice(Optional.empty(), PaperSize.A5));
        }
    }

    @Test
    void theChoiceIsRememberedAcrossARestart() {
        Path data = dir.resolve("desk");
        try (Database db = Database.openFolder(data)) {
            new PrintSettings(new SettingsRepository(db.dsl())).save(new PrintChoice(Optional.of("Epson-TM-T82"), PaperSize.THERMAL_80MM));
        }
        try (Database db = Database.openFolder(data)) {
            SettingsRepository again = new SettingsRepository(db.dsl());
            assertThat(again.get(SettingsRepository.PRINT_PRINTER)).contains("Epson-TM-T82");
            assertThat(again.get(SettingsRepository.PRINT_PAPER)).contains("THERMAL_80MM");
            assertThat(new PrintSettings(again).load()).isEqualTo(new PrintChoice(Optional.of("Epson-TM-T82"), PaperSize.THERMAL_80MM));
        }
    }

    @Test
    void anUnknownPaperFallsBackToA5() {
        try (TestDatabase t = TestDatabase.open(TestDatabase.Backend.H2, dir, "print_settings_unknown")) {
            SettingsRepository s = new SettingsRepository(t.db().dsl());
            s.put(SettingsRepository.PRINT_PAPER, "LETTER");
            s.put(SettingsRepository.PRINT_PRINTER, " ");
            assertThat(new PrintSettings(s).load()).isEqualTo(new PrintChoice(Optional.empty(), PaperSize.A5));
        }
    }
}
