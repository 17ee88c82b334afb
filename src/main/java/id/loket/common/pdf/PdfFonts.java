package id.loket.common.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The embedded fonts of every PDF Loket writes: DejaVu Sans and DejaVu Sans Bold, subset into
 * the document (PDF/A needs every font embedded). The font files are read from the class path
 * once; each document gets its own {@link PDFont}s, since a PDFBox font belongs to one document.
 *
 * @param regular DejaVu Sans
 * @param bold    DejaVu Sans Bold
 */
public record PdfFonts(PDFont regular, PDFont bold) {

    private static final byte[] REGULAR = resource("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = resource("/fonts/DejaVuSans-Bold.ttf");

    /** Both fonts, to be embedded (as subsets) in {@code doc}. */
    public static PdfFonts load(PDDocument doc) throws IOException {
        return new PdfFonts(PDType0Font.load(doc, new ByteArrayInputStream(REGULAR), true),
                PDType0Font.load(doc, new ByteArrayInputStream(BOLD), true));
    }

    /**
     * The same faces for Java2D at {@code size} points (plain or bold), for drawing that is
     * measured with AWT and then written with the PDF fonts above, so widths agree.
     */
    public static Font awt(boolean bold, float size) {
        // the style says BOLD too, so that Font.isBold() tells the faces apart
        return bold ? Awt.BOLD.deriveFont(Font.BOLD, size) : Awt.REGULAR.deriveFont(Font.PLAIN, size);
    }

    /** The Java2D faces, made on first use only (drawing a chart), not by every PDF. */
    private static final class Awt {
        static final Font REGULAR = font(PdfFonts.REGULAR);
        static final Font BOLD = font(PdfFonts.BOLD);

        private static Font font(byte[] ttf) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("cannot read the embedded DejaVu Sans", e);
            }
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
