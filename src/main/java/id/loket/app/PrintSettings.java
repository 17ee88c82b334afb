package id.loket.app;

import id.loket.staff.model.Unguarded;
import id.loket.document.PaperSize;
import id.loket.printing.PrintChoice;
import id.loket.printing.PrintMemory;
import id.loket.settings.repo.KeyValues;
import id.loket.settings.repo.SettingsRepository;
import java.util.Optional;

/** Remembers the printer and paper chosen in the print preview ({@code print.printer}, {@code print.paper}). */
public final class PrintSettings implements PrintMemory {

    private final KeyValues settings;

    public PrintSettings(KeyValues settings) {
        this.settings = settings;
    }

    @Override
    @Unguarded("this desk's printer preference, no personal data")
    public PrintChoice load() {
        Optional<String> printer = settings.get(SettingsRepository.PRINT_PRINTER).map(String::strip).filter(s -> !s.isEmpty());
        PaperSize paper = settings.get(SettingsRepository.PRINT_PAPER).map(String::strip).flatMap(PrintSettings::paper)
                .orElse(PaperSize.DEFAULT);
        return new PrintChoice(printer, paper);
    }

    @Override
    @Unguarded("this desk's printer preference, no personal data")
    public void save(PrintChoice choice) {
        settings.put(SettingsRepository.PRINT_PRINTER, choice.printer().orElse(""));
        settings.put(SettingsRepository.PRINT_PAPER, choice.paper().name());
    }

    private static Optional<PaperSize> paper(String name) {
        try {
            return Optional.of(PaperSize.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
