package id.loket.common.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/**
 * The Graphics2D that writes into a PDF page: what is drawn lands where Java2D would put it
 * (y downwards from the box's top-left corner), text stays text, clipping is honoured, and
 * nothing becomes an image. Checked on the page rendered back to pixels and on its text.
 */
class PdfGraphicsTest {

    private static final PDRectangle PAGE = new PDRectangle(200, 200);

    /** A 200 x 200 pt page with the drawing's box at (20, 180): its top-left corner 20 pt in from the left and top. */
    private static byte[] draw(Consumer<Graphics2D> drawing) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            PdfFonts fonts = PdfFonts.load(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                PdfGraphics g = new PdfGraphics(cs, fonts, 20, 180);
                drawing.accept(g);
                g.finish();
                // after the drawing, the page's own state is back: this lands unclipped
                cs.setNonStrokingColor(0f, 0f, 1f);
                cs.addRect(190, 0, 10, 10);
                cs.fill();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** The page at 1 pixel a point: pixel (x, y) is x pt from the left, y pt from the top. */
    private static BufferedImage pixels(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getResources().getXObjectNames()).allSatisfy(
                    name -> assertThat(doc.getPage(0).getResources().isImageXObject(name)).isFalse());
            return new PDFRenderer(doc).renderImageWithDPI(0, 72);
        }
    }

    private static Color at(BufferedImage img, int x, int y) {
        return new Color(img.getRGB(x, y));
    }

    @Test
    void shapesLandWhereJava2dPutsThemWithYGoingDown() throws IOException {
        BufferedImage img = pixels(draw(g -> {
            g.setPaint(Color.RED);
            g.fill(new Rectangle2D.Double(10, 10, 30, 20)); // page 30..60 across, 30..50 down
            g.translate(100, 100);
            g.setPaint(Color.GREEN);
            g.fill(new Ellipse2D.Double(0, 0, 40, 40)); // centred at 140, 140 on the page
            g.setPaint(Color.BLACK);
            g.setStroke(new BasicStroke(4f));
            g.draw(new Line2D.Double(-90, 60, -10, 60)); // page 30..110 across, 180 down
        }));
        assertThat(at(img, 45, 40)).isEqualTo(Color.RED);
        assertThat(at(img, 45, 55)).isEqualTo(Color.WHITE);
        assertThat(at(img, 140, 140)).isEqualTo(Color.GREEN);
        assertThat(at(img, 121, 121)).isEqualTo(Color.WHITE); // the ellipse's corner is empty
        assertThat(at(img, 70, 180).getRed()).isLessThan(40);
        assertThat(at(img, 195, 195)).isEqualTo(Color.BLUE);
    }

    @Test
    void aClipKeepsPaintInsideItAndIsLiftedAfterwards() throws IOException {
        BufferedImage img = pixels(draw(g -> {
            g.clip(new Rectangle2D.Double(0, 0, 50, 50));
            g.setPaint(Color.RED);
            g.fill(new Rectangle2D.Double(0, 0, 160, 160));
            Graphics2D copy = (Graphics2D) g.create();
            copy.setClip(null);
            copy.setPaint(Color.GREEN);
            copy.fill(new Rectangle2D.Double(100, 100, 20, 20));
            copy.dispose();
            g.setPaint(new Color(255, 0, 0, 128)); // half red on white: pink, no transparency in the file
            g.fill(new Rectangle2D.Double(0, 40, 10, 10));
        }));
        assertThat(at(img, 40, 40)).isEqualTo(Color.RED);
        assertThat(at(img, 90, 90)).as("outside the clip").isEqualTo(Color.WHITE);
        assertThat(at(img, 130, 130)).as("a copy without a clip").isEqualTo(Color.GREEN);
        Color pink = at(img, 25, 65);
        assertThat(pink.getRed()).isEqualTo(255);
        assertThat(pink.getGreen()).isBetween(120, 135);
        assertThat(at(img, 195, 195)).isEqualTo(Color.BLUE);
    }

    @Test
    void textStaysTextInDejaVuSansAtItsJava2dPlaceAndWidth() throws IOException {
        String words = "Jumlah Ṣrī O'Connor";
        float[] width = new float[1];
        byte[] pdf = draw(g -> {
            g.setFont(new Font(Font.SERIF, Font.BOLD, 12)); // any face is drawn as DejaVu Sans
            g.setPaint(Color.BLACK);
            g.drawString(words, 10f, 30f);
            width[0] = (float) g.getFontMetrics().getStringBounds(words, g).getWidth();
            g.rotate(-Math.PI / 2, 10, 150);
            g.drawString("Tegak", 10f, 150f);
        });
        List<TextPosition> glyphs = new ArrayList<>();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    glyphs.add(t);
                    super.processTextPosition(t);
                }
            };
            stripper.setSortByPosition(false);
            text = stripper.getText(doc);
            assertThat(doc.getPage(0).getResources().getFontNames()).allSatisfy(name ->
                    assertThat(doc.getPage(0).getResources().getFont(name).getName()).contains("DejaVuSans-Bold"));
            assertThat(doc.getPage(0).getResources().getXObjectNames()).isEmpty();
        }
        assertThat(text).contains(words);
        assertThat(glyphs.subList(words.length(), glyphs.size()).stream().map(TextPosition::getUnicode)).containsExactly(
                "T", "e", "g", "a", "k");
        TextPosition first = glyphs.get(0);
        assertThat(first.getXDirAdj()).isCloseTo(30f, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(first.getYDirAdj()).as("the baseline, from the page's top").isCloseTo(50f, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(first.getFontSizeInPt()).isEqualTo(12f);
        TextPosition last = glyphs.get(words.length() - 1);
        assertThat(last.getXDirAdj() + last.getWidthDirAdj() - first.getXDirAdj())
                .as("as wide as Java2D measured it").isCloseTo(width[0], org.assertj.core.data.Offset.offset(0.5f));
        TextPosition upright = glyphs.get(words.length());
        assertThat(upright.getDir()).isEqualTo(90f);
    }
}
