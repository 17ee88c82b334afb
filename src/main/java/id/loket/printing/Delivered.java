package id.loket.printing;

import id.loket.document.PaperSize;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A document that reached the applicant from the preview: accepted by the printer's spooler
 * ({@code printer} present) or saved as a PDF ({@code file} present). Only these are counted
 * and audited; a print that failed never becomes one.
 */
public record Delivered(PaperSize paper, Optional<String> printer, Optional<Path> file) {

    public Delivered {
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(file, "file");
        if (printer.isPresent() == file.isPresent()) {
            throw new IllegalArgumentException("printed or saved, one of them");
        }
    }

    public static Delivered printed(PaperSize paper, String printer) {
        return new Delivered(paper, Optional.of(printer == null || printer.isBlank() ? "-" : printer), Optional.empty());
    }

    public static Delivered saved(PaperSize paper, Path file) {
        return new Delivered(paper, Optional.empty(), Optional.of(file));
    }

    /** Saved as a PDF rather than printed. */
    public boolean saved() {
        return file.isPresent();
    }

    /** The printer's name or the file's path, for the audit. */
    public String where() {
        return printer.orElseGet(() -> file.orElseThrow().toString());
    }
}
