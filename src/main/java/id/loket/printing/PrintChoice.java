package id.loket.printing;

import id.loket.document.PaperSize;
import java.util.Objects;
import java.util.Optional;

/** The printer and paper last chosen at this desk; the printer is empty when none was chosen yet. */
public record PrintChoice(Optional<String> printer, PaperSize paper) {

    public PrintChoice {
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(paper, "paper");
    }
}
