package id.loket.document;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import id.loket.common.pdf.PdfText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A document laid out as a column of blocks (text lines, label/value rows, a QR code, rules),
 * measured first and then placed on pages: a fixed sheet breaks onto a new page when a block
 * does not fit; a roll gets one page as tall as its content. Text is wrapped by measuring it
 * with the font, breaking inside a word only when the word alone is wider than the column;
 * nothing is cut off.
 */
final class Sheet {

    private static final float LEADING = 1.32f;
    private static final float[] INK = {0f, 0f, 0f};
    private static final float[] GREY = {0.36f, 0.36f, 0.36f};

    /** One line of text at an offset from the column's left edge. */
    private record Line(String text, PDFont font, float size, float x, float[] colour) { }

    private interface Block {
        float height();

        void draw(PDPageContentStream cs, float left, float top) throws IOException;
    }

    private final PDDocument doc;
    private final PaperSize paper;
    private final PDFont regular;
    private final PDFont bold;
    private final float width;
    private final float size;
    private final List<Block> blocks = new ArrayList<>();

    Sheet(PDDocument doc, PaperSize paper, PDFont regular, PDFont bold) {
        this.doc = doc;
        this.paper = paper;
        this.regular = regular;
        this.bold = bold;
        this.width = paper.width() - 2 * paper.margin();
        this.size = paper.fontSize();
    }

    float bodySize() {
        return size;
    }

    // ---- blocks ----

    /** The office's name and address, centred, with a double rule under them. */
    void letterhead(Letterhead letterhead) {
        List<Line> lines = new ArrayList<>();
        lines.addAll(centred(letterhead.officeName(), bold, size * 1.25f, INK));
        if (!letterhead.address().isBlank()) {
            lines.addAll(centred(letterhead.address(), regular, size * 0.9f, GREY));
        }
        blocks.add(lines(lines));
        gap(size * 0.35f);
        blocks.add(rule(1.2f));
        gap(1.5f);
        blocks.add(rule(0.4f));
        gap(size * 1.1f);
    }

    /** The document's name, centred and bold; a stamp line (e.g. SALINAN) under it when given. */
    void title(String title, String stamp) {
        List<Line> lines = new ArrayList<>(centred(title, bold, size * 1.3f, INK));
        blocks.add(lines(lines));
        if (stamp != null) {
            gap(size * 0.3f);
            blocks.add(stamp(stamp));
        }
        gap(size * 1.0f);
    }

    /** A label/value row: the label in grey in the left column, the value wrapped in the right one. */
    void field(String label, String value) {
        field(label, value, false);
    }

    void field(String label, String value, boolean strong) {
        float labelWidth = paper.isRoll() ? width * 0.38f : width * 0.34f;
        float gutter = size * 0.8f;
        float valueWidth = width - labelWidth - gutter;
        List<String> left = wrap(label, regular, size, labelWidth);
        List<String> right = wrap(value == null || value.isBlank() ? "–" : value, strong ? bold : regular, size, valueWidth);
        float lh = size * LEADING;
        float h = Math.max(left.size(), right.size()) * lh + size * 0.25f;
        PDFont valueFont = strong ? bold : regular;
        blocks.add(new Block() {
            @Override public float height() {
                return h;
            }

            @Override public void draw(PDPageContentStream cs, float x, float top) throws IOException {
                for (int i = 0; i < left.size(); i++) {
                    show(cs, new Line(left.get(i), regular, size, 0, GREY), x, top - size - i * lh);
                }
                for (int i = 0; i < right.size(); i++) {
                    show(cs, new Line(right.get(i), valueFont, size, labelWidth + gutter, INK), x, top - size - i * lh);
                }
            }
        });
    }

    /** A bold heading above a list or a paragraph. */
    void heading(String text) {
        gap(size * 0.2f);
        blocks.add(lines(left(text, bold, size, 0, width, INK)));
        gap(size * 0.2f);
    }

    /** A paragraph of running text. */
    void paragraph(String text, boolean small) {
        float s = small ? size * 0.88f : size;
        // a block per line, so a long paragraph carries on onto the next page
        for (Line line : left(text, regular, s, 0, width, small ? GREY : INK)) {
            blocks.add(lines(List.of(line)));
        }
    }

    /** A numbered list, each item wrapped under its own text (a block per item, so pages break between items). */
    void numbered(List<String> items) {
        // numbers right-aligned in a column as wide as the widest one, so "10." does not run into its text
        float numbers = measure(items.size() + ".", regular, size);
        float indent = size * 0.3f + numbers + size * 0.6f;
        for (int i = 0; i < items.size(); i++) {
            String n = (i + 1) + ".";
            Line number = new Line(n, regular, size, size * 0.3f + numbers - measure(n, regular, size), INK);
            List<Line> text = left(items.get(i), regular, size, indent, width - indent, INK);
            Line first = text.get(0);
            Block block = lines(text);
            blocks.add(new Block() {
                @Override public float height() {
                    return block.height() + size * 0.15f;
                }

                @Override public void draw(PDPageContentStream cs, float x, float top) throws IOException {
                    show(cs, number, x, top - first.size());
                    block.draw(cs, x, top);
                }
            });
        }
    }

    /** A QR code of the text, drawn module by module as filled rectangles, with the text under it. */
    void qr(String content, String caption) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + content, e);
        }
        float side = Math.min(width * 0.42f, size * 10f);
        float module = side / matrix.getWidth();
        List<Line> under = centred(caption, bold, size, INK);
        float quiet = module * 4;
        float h = quiet + side + size * 0.6f + under.size() * size * LEADING;
        Block captionBlock = lines(under);
        blocks.add(new Block() {
            @Override public float height() {
                return h;
            }

            @Override public void draw(PDPageContentStream cs, float x, float top) throws IOException {
                float qx = x + (width - side) / 2;
                float qTop = top - quiet;
                cs.setNonStrokingColor(INK[0], INK[1], INK[2]);
                for (int row = 0; row < matrix.getHeight(); row++) {
                    for (int col = 0; col < matrix.getWidth(); col++) {
                        if (matrix.get(col, row)) {
                            // a hair of overlap so no light seams show between modules when rasterised
                            cs.addRect(qx + col * module, qTop - (row + 1) * module, module + 0.05f, module + 0.05f);
                        }
                    }
                }
                cs.fill();
                captionBlock.draw(cs, x, qTop - side - size * 0.6f);
            }
        });
    }

    /** Two signature spaces side by side, each with a line and a caption under it. */
    void signatures(String leftCaption, String leftName, String rightCaption, String rightName) {
        float colWidth = width * 0.44f;
        float rightX = width - colWidth;
        float space = size * 4.5f;
        List<Line> leftLines = new ArrayList<>(centredIn(leftCaption, regular, size, 0, colWidth, GREY));
        leftLines.addAll(centredIn(leftName, regular, size, 0, colWidth, INK));
        List<Line> rightLines = new ArrayList<>(centredIn(rightCaption, regular, size, rightX, colWidth, GREY));
        rightLines.addAll(centredIn(rightName, regular, size, rightX, colWidth, INK));
        float lh = size * LEADING;
        float h = space + Math.max(leftLines.size(), rightLines.size()) * lh + size * 0.4f;
        gap(size * 1.2f);
        blocks.add(new Block() {
            @Override public float height() {
                return h;
            }

            @Override public void draw(PDPageContentStream cs, float x, float top) throws IOException {
                cs.setStrokingColor(INK[0], INK[1], INK[2]);
                cs.setLineWidth(0.5f);
                float lineY = top - space;
                cs.moveTo(x, lineY);
                cs.lineTo(x + colWidth, lineY);
                cs.moveTo(x + rightX, lineY);
                cs.lineTo(x + rightX + colWidth, lineY);
                cs.stroke();
                float y = lineY - size * 0.4f;
                for (int i = 0; i < leftLines.size(); i++) {
                    show(cs, leftLines.get(i), x, y - size - i * lh);
                }
                for (int i = 0; i < rightLines.size(); i++) {
                    show(cs, rightLines.get(i), x, y - size - i * lh);
                }
            }
        });
    }

    void gap(float h) {
        blocks.add(new Block() {
            @Override public float height() {
                return h;
            }

            @Override public void draw(PDPageContentStream cs, float left, float top) { }
        });
    }

    void rule() {
        gap(size * 0.5f);
        blocks.add(rule(0.4f));
        gap(size * 0.6f);
    }

    // ---- paging ----

    /**
     * Places the blocks on pages of the document. When a fixed sheet runs onto more than one
     * page, each page is numbered at its foot with {@code pageLabel(page, pages)}.
     */
    void place(java.util.function.BiFunction<Integer, Integer, String> pageLabel) {
        try {
            float margin = paper.margin();
            if (paper.isRoll()) {
                float content = 0;
                for (Block b : blocks) {
                    content += b.height();
                }
                float height = (float) Math.ceil(content + 2 * margin);
                PDPage page = new PDPage(new PDRectangle(paper.width(), height));
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float top = height - margin;
                    for (Block b : blocks) {
                        b.draw(cs, margin, top);
                        top -= b.height();
                    }
                }
                return;
            }
            PDRectangle box = new PDRectangle(paper.width(), paper.height());
            // room kept at the foot of each sheet for "page n of N", should there be more than one
            float foot = size * 0.85f * LEADING + size * 0.4f;
            PDPageContentStream cs = null;
            float top = 0;
            boolean empty = true;
            List<PDPage> pages = new ArrayList<>();
            try {
                for (Block b : blocks) {
                    if (cs == null || (!empty && top - b.height() < margin + foot)) {
                        if (cs != null) {
                            cs.close();
                        }
                        PDPage page = new PDPage(box);
                        doc.addPage(page);
                        pages.add(page);
                        cs = new PDPageContentStream(doc, page);
                        top = box.getHeight() - margin;
                        empty = true;
                    }
                    b.draw(cs, margin, top);
                    top -= b.height();
                    empty = false;
                }
            } finally {
                if (cs != null) {
                    cs.close();
                }
            }
            if (pages.size() > 1 && pageLabel != null) {
                float s = size * 0.85f;
                for (int i = 0; i < pages.size(); i++) {
                    String label = pageLabel.apply(i + 1, pages.size());
                    try (PDPageContentStream foot2 = new PDPageContentStream(doc, pages.get(i),
                            PDPageContentStream.AppendMode.APPEND, true, true)) {
                        show(foot2, new Line(label, regular, s, width - measure(label, regular, s), GREY), margin, margin + s * 0.3f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- text ----

    private Block lines(List<Line> lines) {
        return new Block() {
            @Override public float height() {
                float h = 0;
                for (Line l : lines) {
                    h += l.size() * LEADING;
                }
                return h;
            }

            @Override public void draw(PDPageContentStream cs, float x, float top) throws IOException {
                float y = top;
                for (Line l : lines) {
                    show(cs, l, x, y - l.size());
                    y -= l.size() * LEADING;
                }
            }
        };
    }

    private Block rule(float thickness) {
        return new Block() {
            @Override public float height() {
                return thickness;
            }

            @Override public void draw(PDPageContentStream cs, float x, float top) throws IOException {
                cs.setNonStrokingColor(INK[0], INK[1], INK[2]);
                cs.addRect(x, top - thickness, width, thickness);
                cs.fill();
            }
        };
    }

    /** A word set in a bordered box, centred: the mark of a copy. */
    private Block stamp(String text) {
        float s = size * 1.1f;
        List<String> parts = wrap(text, bold, s, width - 2 * s);
        float pad = s * 0.45f;
        float h = parts.size() * s * LEADING + 2 * pad;
        return new Block() {
            @Override public float height() {
                return h;
            }

            @Override public void draw(PDPageContentStream cs, float x, float top) throws IOException {
                float w = 0;
                for (String p : parts) {
                    w = Math.max(w, measure(p, bold, s));
                }
                float boxW = w + 4 * pad;
                cs.setStrokingColor(INK[0], INK[1], INK[2]);
                cs.setLineWidth(1.2f);
                cs.addRect(x + (width - boxW) / 2, top - h, boxW, h);
                cs.stroke();
                for (int i = 0; i < parts.size(); i++) {
                    float lx = (width - measure(parts.get(i), bold, s)) / 2;
                    show(cs, new Line(parts.get(i), bold, s, lx, INK), x, top - pad - s * 0.95f - i * s * LEADING);
                }
            }
        };
    }

    private List<Line> centred(String text, PDFont font, float s, float[] colour) {
        return centredIn(text, font, s, 0, width, colour);
    }

    private List<Line> centredIn(String text, PDFont font, float s, float x, float w, float[] colour) {
        List<Line> out = new ArrayList<>();
        for (String part : wrap(text, font, s, w)) {
            out.add(new Line(part, font, s, x + (w - measure(part, font, s)) / 2, colour));
        }
        return out;
    }

    private List<Line> left(String text, PDFont font, float s, float x, float w, float[] colour) {
        List<Line> out = new ArrayList<>();
        for (String part : wrap(text, font, s, w)) {
            out.add(new Line(part, font, s, x, colour));
        }
        return out;
    }

    private static void show(PDPageContentStream cs, Line line, float left, float baseline) throws IOException {
        if (line.text().isEmpty()) {
            return;
        }
        cs.setNonStrokingColor(line.colour()[0], line.colour()[1], line.colour()[2]);
        cs.beginText();
        cs.setFont(line.font(), line.size());
        cs.newLineAtOffset(left + line.x(), baseline);
        cs.showText(line.text());
        cs.endText();
    }

    static float measure(String text, PDFont font, float s) {
        return PdfText.measure(text, font, s);
    }

    /** Splits text into lines no wider than {@code w}; every character of the text is kept, in order. */
    static List<String> wrap(String text, PDFont font, float s, float w) {
        return PdfText.wrap(text, font, s, w);
    }
}
