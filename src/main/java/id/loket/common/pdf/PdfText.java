package id.loket.common.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text measured and wrapped with a PDF font. Control characters (line breaks, tabs) become a
 * space; lines break between words, and inside a word (between code points, so a surrogate
 * pair is never split) only when the word alone is wider than the
 * line. Nothing is cut off: every character of the text is kept, in order. A character the font
 * has no glyph for is not replaced: measuring it fails with PDFBox's
 * {@link IllegalArgumentException} ("No glyph for U+… in font …"), as writing it would.
 */
public final class PdfText {

    private PdfText() {
    }

    /** The text with every run of control characters (CR, LF, tab, …) turned into one space; null is empty. */
    public static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t\\u0000-\\u001f]+", " ");
    }

    /** The width of the (cleaned) text in points at font size {@code size}. */
    public static float measure(String text, PDFont font, float size) {
        try {
            return font.getStringWidth(clean(text)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text split into lines no wider than {@code width} points; at least one line (an empty
     * one for empty text). A line is wider only where a single code point is.
     */
    public static List<String> wrap(String text, PDFont font, float size, float width) {
        String clean = clean(text).strip();
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : clean.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (measure(candidate, font, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                out.add(line.toString());
                line.setLength(0);
            }
            // a word wider than the line is broken by characters (code points)
            int i = 0;
            while (i < word.length()) {
                int next = word.offsetByCodePoints(i, 1);
                if (line.length() > 0 && measure(line + word.substring(i, next), font, size) > width) {
                    out.add(line.toString());
                    line.setLength(0);
                    continue;
                }
                line.append(word, i, next);
                i = next;
            }
        }
        if (line.length() > 0 || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }
}
