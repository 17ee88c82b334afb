package id.loket.document;

import id.loket.appointment.model.ServiceType;
import id.loket.casefile.model.DocumentType;
import id.loket.common.i18n.Messages;
import id.loket.document.Samples.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Writes one of each document to a folder to look at ({@code -Dloket.samples=/tmp/dir}); skipped otherwise. */
class SampleFilesTest {

    @Test
    @EnabledIfSystemProperty(named = "loket.samples", matches = ".+")
    void writeSamples() throws Exception {
        Path dir = Path.of(System.getProperty("loket.samples"));
        Files.createDirectories(dir);
        Messages id = Messages.forLanguage("id");
        for (Kind kind : Kind.values()) {
            for (PaperSize paper : PaperSize.values()) {
                Files.write(dir.resolve(kind + "-" + paper + ".pdf"), Samples.render(kind, "Ni Luh Putu Ma'rifah Désirée", paper, id));
                Files.write(dir.resolve(kind + "-" + paper + "-long.pdf"), Samples.render(kind, Samples.LONG_NAME, paper, id));
            }
        }
        String note = "Dokumen pendukung harus asli dan dilegalisasi oleh instansi penerbit. ".repeat(60).strip();
        Files.write(dir.resolve("HOLD-A5-two-pages.pdf"), DocumentRenderer.holdSlip(new HoldSlipData("DPS-20261127-0042",
                Samples.LONG_NAME, Samples.NIK, ServiceType.NEW,
                java.util.List.of(DocumentType.values()), java.time.LocalDate.of(2026, 12, 11), note,
                "Made Sudiarta"), Samples.OFFICE, PaperSize.A5, id, Samples.ZONE, Samples.AT));
        Files.write(dir.resolve("RECEIPT-copy-en.pdf"), DocumentRenderer.receipt(Samples.receipt("Sukarni"), Samples.OFFICE,
                PaperSize.A5, Messages.forLanguage("en"), Samples.ZONE, Samples.AT, true));
    }
}
