package id.loket.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reading rendered documents back in tests. */
final class Pdfs {

    private Pdfs() {
    }

    static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text without any whitespace, to find wrapped text in order. */
    static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** A glyph's box on its page: left, top, right and bottom in points from the page's top-left corner. */
    record Glyph(String text, int page, float left, float top, float right, float bottom, float pageWidth, float pageHeight) { }

    static List<Glyph> glyphs(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<Glyph> out = new ArrayList<>();
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                PDRectangle box = doc.getPage(p).getMediaBox();
                int page = p;
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) {
                        for (TextPosition t : positions) {
                            out.add(new Glyph(t.getUnicode(), page, t.getXDirAdj(), t.getYDirAdj() - t.getHeightDir(),
                                    t.getXDirAdj() + t.getWidthDirAdj(), t.getYDirAdj(), box.getWidth(), box.getHeight()));
                        }
                    }
                };
                stripper.setStartPage(p + 1);
                stripper.setEndPage(p + 1);
                stripper.getText(doc);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<PDRectangle> mediaBoxes(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDRectangle> out = new ArrayList<>();
            doc.getPages().forEach(p -> out.add(p.getMediaBox()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
