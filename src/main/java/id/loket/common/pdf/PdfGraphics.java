package id.loket.common.pdf;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.geom.Arc2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedCharacterIterator;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;

/**
 * A {@link Graphics2D} that writes what is drawn on it into a PDF page as vector graphics, for
 * drawing made with Java2D libraries (the report's charts, by JFreeChart). The drawing's user
 * space has its origin at the top-left corner of a box on the page and y growing downwards, one
 * unit a point. Shapes become PDF paths (outlines are turned into filled shapes with the
 * stroke's own {@link Stroke#createStrokedShape}, so dashes, caps and joins are exact); text
 * stays text, set in the embedded DejaVu Sans (bold for a bold font) and measured with the
 * same face through Java2D, so widths agree; clipping becomes PDF clipping. What a chart does
 * not need is left out: images are not drawn, a paint other than a colour is drawn in its
 * first colour, and a translucent colour is blended onto white (PDF/A without transparency).
 * Not thread-safe; one per drawing.
 */
public final class PdfGraphics extends Graphics2D {

    /** What every copy made with {@link #create()} shares: the page, its fonts, and the clip last set on it. */
    private static final class Target {
        final PDPageContentStream cs;
        final PdfFonts fonts;
        final AffineTransform base;
        final Graphics2D measure;
        Shape clipOnPage;
        boolean clipSaved;

        Target(PDPageContentStream cs, PdfFonts fonts, AffineTransform base) {
            this.cs = cs;
            this.fonts = fonts;
            this.base = base;
            BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            this.measure = scratch.createGraphics();
            measure.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            measure.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        }
    }

    private final Target target;
    private AffineTransform transform;
    private Paint paint = Color.BLACK;
    private Color background = Color.WHITE;
    private Stroke stroke = new BasicStroke(1f);
    private Font font;
    private Composite composite = AlphaComposite.SrcOver;
    private Shape clip; // in user space of the identity transform, i.e. the drawing's space; null for none
    private final RenderingHints hints = new RenderingHints(null);

    /**
     * A drawing into {@code cs} whose top-left corner is at ({@code left}, {@code top}) in PDF
     * coordinates (points from the page's bottom-left corner). Call {@link #finish()} when done.
     */
    public PdfGraphics(PDPageContentStream cs, PdfFonts fonts, float left, float top) {
        this.target = new Target(cs, fonts, new AffineTransform(1, 0, 0, -1, left, top));
        this.transform = new AffineTransform();
        this.font = PdfFonts.awt(false, 10);
        hints.put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        hints.put(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    private PdfGraphics(PdfGraphics from) {
        this.target = from.target;
        this.transform = new AffineTransform(from.transform);
        this.paint = from.paint;
        this.background = from.background;
        this.stroke = from.stroke;
        this.font = from.font;
        this.composite = from.composite;
        this.clip = from.clip;
        this.hints.putAll(from.hints);
    }

    /** Ends the drawing: lifts any clip it left on the page. The page's own state is as before. */
    public void finish() {
        try {
            if (target.clipSaved) {
                target.cs.restoreGraphicsState();
                target.clipSaved = false;
                target.clipOnPage = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        target.measure.dispose();
    }

    // ---- drawing ----

    @Override
    public void draw(Shape s) {
        fill(stroke.createStrokedShape(s));
    }

    @Override
    public void fill(Shape s) {
        try {
            applyClip();
            colour(paint);
            int winding = path(s);
            if (winding == PathIterator.WIND_EVEN_ODD) {
                target.cs.fillEvenOdd();
            } else if (winding == PathIterator.WIND_NON_ZERO) {
                target.cs.fill();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the shape's outline, transformed to the page, as the current path; answers its
     * winding rule, or -1 (and writes nothing) for a shape with no segment to paint.
     */
    private int path(Shape s) throws IOException {
        AffineTransform toPage = new AffineTransform(target.base);
        toPage.concatenate(transform);
        if (empty(s.getPathIterator(null))) {
            return -1;
        }
        PathIterator it = s.getPathIterator(toPage);
        PDPageContentStream cs = target.cs;
        float[] c = new float[6];
        float lastX = 0;
        float lastY = 0;
        while (!it.isDone()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    cs.moveTo(c[0], c[1]);
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    cs.lineTo(c[0], c[1]);
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    // a quadratic curve as the cubic that traces it
                    cs.curveTo(lastX + 2f / 3f * (c[0] - lastX), lastY + 2f / 3f * (c[1] - lastY),
                            c[2] + 2f / 3f * (c[0] - c[2]), c[3] + 2f / 3f * (c[1] - c[3]), c[2], c[3]);
                    lastX = c[2];
                    lastY = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    cs.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                    lastX = c[4];
                    lastY = c[5];
                }
                case PathIterator.SEG_CLOSE -> cs.closePath();
                default -> throw new IllegalStateException("unknown path segment");
            }
            it.next();
        }
        return it.getWindingRule();
    }

    private static boolean empty(PathIterator it) {
        float[] c = new float[6];
        for (; !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            if (type != PathIterator.SEG_MOVETO && type != PathIterator.SEG_CLOSE) {
                return false;
            }
        }
        return true;
    }

    private void colour(Paint p) throws IOException {
        Color c = p instanceof Color col ? col : p instanceof GradientPaint g ? g.getColor1() : Color.BLACK;
        float alpha = c.getAlpha() / 255f;
        if (composite instanceof AlphaComposite a && a.getRule() == AlphaComposite.SRC_OVER) {
            alpha *= a.getAlpha();
        }
        // onto white paper: no transparency in the PDF/A
        float r = 1 - alpha * (1 - c.getRed() / 255f);
        float gr = 1 - alpha * (1 - c.getGreen() / 255f);
        float b = 1 - alpha * (1 - c.getBlue() / 255f);
        target.cs.setNonStrokingColor(r, gr, b);
    }

    /** Brings the page's clip in line with this graphics' clip before anything is painted. */
    private void applyClip() throws IOException {
        Shape wanted = clip == null ? null : target.base.createTransformedShape(clip);
        if (same(wanted, target.clipOnPage)) {
            return;
        }
        PDPageContentStream cs = target.cs;
        if (target.clipSaved) {
            cs.restoreGraphicsState();
            target.clipSaved = false;
        }
        if (wanted != null) {
            cs.saveGraphicsState();
            target.clipSaved = true;
            AffineTransform keep = transform;
            transform = new AffineTransform();
            try {
                // the clip is kept in the drawing's space; path() adds the page's flip
                int winding = path(clip);
                if (winding == -1) {
                    // an empty clip: nothing may show
                    cs.addRect(0, 0, 0, 0);
                    cs.clip();
                } else if (winding == PathIterator.WIND_EVEN_ODD) {
                    cs.clipEvenOdd();
                } else {
                    cs.clip();
                }
            } finally {
                transform = keep;
            }
        }
        target.clipOnPage = wanted;
    }

    private static boolean same(Shape a, Shape b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Rectangle2D ra && b instanceof Rectangle2D rb) {
            return ra.equals(rb);
        }
        return new Area(a).equals(new Area(b));
    }

    @Override
    public void drawString(String str, float x, float y) {
        String text = PdfText.clean(str);
        if (text.isEmpty()) {
            return;
        }
        try {
            applyClip();
            colour(paint);
            PDFont pdf = font.isBold() ? target.fonts.bold() : target.fonts.regular();
            AffineTransform at = new AffineTransform(target.base);
            at.concatenate(transform);
            at.translate(x, y);
            at.scale(1, -1);
            PDPageContentStream cs = target.cs;
            cs.beginText();
            cs.setFont(pdf, font.getSize2D());
            cs.setTextMatrix(new Matrix(at));
            cs.showText(text);
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void drawString(String str, int x, int y) {
        drawString(str, (float) x, (float) y);
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, float x, float y) {
        StringBuilder s = new StringBuilder();
        for (char c = iterator.first(); c != AttributedCharacterIterator.DONE; c = iterator.next()) {
            s.append(c);
        }
        drawString(s.toString(), x, y);
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, int x, int y) {
        drawString(iterator, (float) x, (float) y);
    }

    @Override
    public void drawGlyphVector(GlyphVector g, float x, float y) {
        fill(g.getOutline(x, y));
    }

    @Override
    public void drawLine(int x1, int y1, int x2, int y2) {
        draw(new Line2D.Float(x1, y1, x2, y2));
    }

    @Override
    public void fillRect(int x, int y, int width, int height) {
        fill(new Rectangle(x, y, width, height));
    }

    @Override
    public void clearRect(int x, int y, int width, int height) {
        Paint keep = paint;
        paint = background;
        fill(new Rectangle(x, y, width, height));
        paint = keep;
    }

    @Override
    public void drawRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        draw(new RoundRectangle2D.Float(x, y, width, height, arcWidth, arcHeight));
    }

    @Override
    public void fillRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        fill(new RoundRectangle2D.Float(x, y, width, height, arcWidth, arcHeight));
    }

    @Override
    public void drawOval(int x, int y, int width, int height) {
        draw(new Ellipse2D.Float(x, y, width, height));
    }

    @Override
    public void fillOval(int x, int y, int width, int height) {
        fill(new Ellipse2D.Float(x, y, width, height));
    }

    @Override
    public void drawArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        draw(new Arc2D.Float(x, y, width, height, startAngle, arcAngle, Arc2D.OPEN));
    }

    @Override
    public void fillArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        fill(new Arc2D.Float(x, y, width, height, startAngle, arcAngle, Arc2D.PIE));
    }

    @Override
    public void drawPolyline(int[] xPoints, int[] yPoints, int nPoints) {
        if (nPoints < 2) {
            return;
        }
        java.awt.geom.Path2D.Float p = new java.awt.geom.Path2D.Float();
        p.moveTo(xPoints[0], yPoints[0]);
        for (int i = 1; i < nPoints; i++) {
            p.lineTo(xPoints[i], yPoints[i]);
        }
        draw(p);
    }

    @Override
    public void drawPolygon(int[] xPoints, int[] yPoints, int nPoints) {
        draw(new java.awt.Polygon(xPoints, yPoints, nPoints));
    }

    @Override
    public void fillPolygon(int[] xPoints, int[] yPoints, int nPoints) {
        fill(new java.awt.Polygon(xPoints, yPoints, nPoints));
    }

    // ---- images: not drawn (a chart has none) ----

    @Override
    public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) {
        return true;
    }

    @Override
    public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) {
    }

    @Override
    public void drawRenderedImage(RenderedImage img, AffineTransform xform) {
    }

    @Override
    public void drawRenderableImage(RenderableImage img, AffineTransform xform) {
    }

    @Override
    public boolean drawImage(Image img, int x, int y, ImageObserver observer) {
        return true;
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int width, int height, ImageObserver observer) {
        return true;
    }

    @Override
    public boolean drawImage(Image img, int x, int y, Color bgcolor, ImageObserver observer) {
        return true;
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int width, int height, Color bgcolor, ImageObserver observer) {
        return true;
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2,
                             ImageObserver observer) {
        return true;
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2, Color bgcolor,
                             ImageObserver observer) {
        return true;
    }

    @Override
    public void copyArea(int x, int y, int width, int height, int dx, int dy) {
    }

    // ---- state ----

    @Override
    public Graphics create() {
        return new PdfGraphics(this);
    }

    @Override
    public void dispose() {
    }

    @Override
    public boolean hit(Rectangle rect, Shape s, boolean onStroke) {
        Shape shape = transform.createTransformedShape(onStroke ? stroke.createStrokedShape(s) : s);
        return shape.intersects(rect);
    }

    @Override
    public GraphicsConfiguration getDeviceConfiguration() {
        return target.measure.getDeviceConfiguration();
    }

    @Override
    public void setComposite(Composite comp) {
        this.composite = comp;
    }

    @Override
    public Composite getComposite() {
        return composite;
    }

    @Override
    public void setPaint(Paint paint) {
        if (paint != null) {
            this.paint = paint;
        }
    }

    @Override
    public Paint getPaint() {
        return paint;
    }

    @Override
    public Color getColor() {
        return paint instanceof Color c ? c : Color.BLACK;
    }

    @Override
    public void setColor(Color c) {
        setPaint(c);
    }

    @Override
    public void setPaintMode() {
    }

    @Override
    public void setXORMode(Color c1) {
    }

    @Override
    public void setStroke(Stroke s) {
        if (s != null) {
            this.stroke = s;
        }
    }

    @Override
    public Stroke getStroke() {
        return stroke;
    }

    @Override
    public void setBackground(Color color) {
        this.background = color;
    }

    @Override
    public Color getBackground() {
        return background;
    }

    @Override
    public Font getFont() {
        return font;
    }

    /** Any font is drawn (and measured) as DejaVu Sans of its size, bold when it is bold. */
    @Override
    public void setFont(Font font) {
        if (font != null) {
            this.font = PdfFonts.awt(font.isBold(), font.getSize2D());
        }
    }

    @Override
    public FontMetrics getFontMetrics(Font f) {
        return target.measure.getFontMetrics(PdfFonts.awt(f.isBold(), f.getSize2D()));
    }

    @Override
    public FontRenderContext getFontRenderContext() {
        return new FontRenderContext(null, true, true);
    }

    @Override
    public void setRenderingHint(RenderingHints.Key key, Object value) {
        hints.put(key, value);
    }

    @Override
    public Object getRenderingHint(RenderingHints.Key key) {
        return hints.get(key);
    }

    @Override
    public void setRenderingHints(Map<?, ?> h) {
        hints.clear();
        hints.putAll(h);
    }

    @Override
    public void addRenderingHints(Map<?, ?> h) {
        hints.putAll(h);
    }

    @Override
    public RenderingHints getRenderingHints() {
        return (RenderingHints) hints.clone();
    }

    // ---- transform ----

    @Override
    public void translate(int x, int y) {
        transform.translate(x, y);
    }

    @Override
    public void translate(double tx, double ty) {
        transform.translate(tx, ty);
    }

    @Override
    public void rotate(double theta) {
        transform.rotate(theta);
    }

    @Override
    public void rotate(double theta, double x, double y) {
        transform.rotate(theta, x, y);
    }

    @Override
    public void scale(double sx, double sy) {
        transform.scale(sx, sy);
    }

    @Override
    public void shear(double shx, double shy) {
        transform.shear(shx, shy);
    }

    @Override
    public void transform(AffineTransform tx) {
        transform.concatenate(tx);
    }

    @Override
    public void setTransform(AffineTransform tx) {
        transform = new AffineTransform(tx);
    }

    @Override
    public AffineTransform getTransform() {
        return new AffineTransform(transform);
    }

    // ---- clip (kept in the drawing's space, handed out in user space) ----

    @Override
    public Shape getClip() {
        if (clip == null) {
            return null;
        }
        try {
            return transform.createInverse().createTransformedShape(clip);
        } catch (java.awt.geom.NoninvertibleTransformException e) {
            return null;
        }
    }

    @Override
    public Rectangle getClipBounds() {
        Shape c = getClip();
        return c == null ? null : c.getBounds();
    }

    @Override
    public void setClip(Shape s) {
        clip = s == null ? null : transform.createTransformedShape(s);
    }

    @Override
    public void setClip(int x, int y, int width, int height) {
        setClip(new Rectangle(x, y, width, height));
    }

    @Override
    public void clip(Shape s) {
        Shape added = transform.createTransformedShape(s);
        if (clip == null) {
            clip = added;
        } else if (clip instanceof Rectangle2D a && added instanceof Rectangle2D b) {
            clip = a.createIntersection(b);
        } else {
            Area area = new Area(clip);
            area.intersect(new Area(added));
            clip = area;
        }
    }

    @Override
    public void clipRect(int x, int y, int width, int height) {
        clip(new Rectangle(x, y, width, height));
    }
}
