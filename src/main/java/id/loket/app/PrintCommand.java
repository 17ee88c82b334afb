package id.loket.app;

import id.loket.common.model.UserFacingException;
import id.loket.document.PaperSize;
import id.loket.document.service.DocumentService;
import id.loket.staff.model.Permission;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code loket print}: renders a case's document as PDF/A-2b from what the local database
 * holds, for reprints and archives. The file is written whole or not at all: first to a
 * temporary file beside it, then moved into place.
 */
@Command(name = "print", mixinStandardHelpOptions = true,
        description = "Render a case's receipt, pickup slip, rejection slip or hold slip as a PDF (PDF/A-2b).")
final class PrintCommand implements Callable<Integer>, CheckedOptions {

    @ParentCommand
    LoketCommand root;

    @Parameters(index = "0", paramLabel = "receipt|pickup-slip|rejection-slip|hold-slip", description = "The document to print.")
    String kind;

    @Option(names = "--case", required = true, paramLabel = "REF", description = "The case: its appointment id or walk-in reference.")
    String caseRef;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "The PDF file to write (replaced if it exists).")
    Path out;

    @Option(names = "--paper", defaultValue = "a5", paramLabel = "a5|a4|80mm", description = "Paper: a5 (default), a4 or 80mm (thermal roll).")
    String paper;

    @Mixin
    SignIn signIn;

    @Option(names = "--copy", description = "Mark a receipt as a copy (SALINAN / COPY); the original is printed otherwise.")
    boolean copy;

    @Override
    public void checkOptions() {
        kind(kind);
        paper(paper);
        Path target = out.toAbsolutePath().normalize();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserFacingException("print.noFolder", String.valueOf(folder));
        }
        if (Files.isDirectory(target)) {
            throw new UserFacingException("print.outIsFolder", target.toString());
        }
    }

    @Override
    public Integer call() throws IOException {
        DocumentService.Kind what = kind(kind);
        PaperSize size = paper(paper);
        Path target = out.toAbsolutePath().normalize();
        Logging.toFolder(root.dataDir());
        try (AppContext app = root.open(Clock.systemDefaultZone(), root.messages())) {
            DocumentService documents = app.documents(app.clock());
            var session = signIn.session(app, Permission.PRINT_DOCUMENT);
            byte[] pdf = documents.render(session, what, caseRef, copy, size, root.messages());
            write(target, pdf);
            // audited (and a receipt given or its copy counted) only once the file is written
            documents.delivered(session, what, caseRef, copy, size, true, target.toString());
        }
        root.out().println(root.messages().get("print.written", target.toString()));
        root.out().flush();
        return 0;
    }

    /** Writes to a temporary file in the same folder, then moves it over the target: no half-written file is left. */
    static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static DocumentService.Kind kind(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "receipt" -> DocumentService.Kind.RECEIPT;
            case "pickup-slip" -> DocumentService.Kind.PICKUP_SLIP;
            case "rejection-slip" -> DocumentService.Kind.REJECTION_SLIP;
            case "hold-slip" -> DocumentService.Kind.HOLD_SLIP;
            default -> throw new UserFacingException("print.badKind", text);
        };
    }

    static PaperSize paper(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "a5" -> PaperSize.A5;
            case "a4" -> PaperSize.A4;
            case "80mm" -> PaperSize.THERMAL_80MM;
            default -> throw new UserFacingException("print.badPaper", text);
        };
    }
}
