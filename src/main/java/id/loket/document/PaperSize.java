package id.loket.document;

/**
 * The paper a document is laid out for, in PDF points (1/72 inch). A5 is the default; the
 * 80 mm thermal roll has no fixed height: the page is as long as its content.
 */
public enum PaperSize {
    A5(419.53f, 595.28f, 36f, 9f),
    A4(595.28f, 841.89f, 56f, 10.5f),
    THERMAL_80MM(226.77f, 0f, 11f, 8f);

    public static final PaperSize DEFAULT = A5;

    private final float width;
    private final float height;
    private final float margin;
    private final float fontSize;

    PaperSize(float width, float height, float margin, float fontSize) {
        this.width = width;
        this.height = height;
        this.margin = margin;
        this.fontSize = fontSize;
    }

    public float width() {
        return width;
    }

    /** The page height, or 0 for a roll whose height is fitted to the content. */
    public float height() {
        return height;
    }

    public boolean isRoll() {
        return height == 0f;
    }

    public float margin() {
        return margin;
    }

    /** The body text size; headings are drawn larger. */
    public float fontSize() {
        return fontSize;
    }
}
