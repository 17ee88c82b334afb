package id.loket.document;

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
        Files.write(dir.resolve("RECEIPT-copy-en.pdf"), DocumentRenderer.receipt(Samples.receipt("Sukarni"), Samples.OFFICE,
                PaperSize.A5, Messages.forLanguage("en"), Samples.ZONE, Samples.AT, true));
    }
}
