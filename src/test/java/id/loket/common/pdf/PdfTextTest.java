package id.loket.common.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The wrapper both PDF engines use, measured with the real embedded DejaVu Sans. */
class PdfTextTest {

    private static PDDocument doc;
    private static PDFont regular;
    private static PDFont bold;

    @BeforeAll
    static void fonts() throws IOException {
        doc = new PDDocument();
        PdfFonts fonts = PdfFonts.load(doc);
        regular = fonts.regular();
        bold = fonts.bold();
    }

    @AfterAll
    static void close() throws IOException {
        doc.close();
    }

    @Test
    void aWordLongerThanTheLineIsBrokenByCharactersAndNothingIsLost() {
        String word = "Wolfeschlegelsteinhausenbergerdorff".repeat(3);
        List<String> lines = PdfText.wrap("Tn. " + word + " bin Ahmad", regular, 10, 120);
        assertThat(lines.size()).isGreaterThan(3);
        assertThat(lines.get(0)).isEqualTo("Tn.");
        assertThat(lines.get(lines.size() - 1)).endsWith("Ahmad");
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo("Tn." + word + "binAhmad");
        assertThat(lines).allSatisfy(l -> assertThat(PdfText.measure(l, regular, 10)).isLessThanOrEqualTo(120f));
        // the broken pieces fill their line: one more character would not have fit
        for (int i = 1; i < lines.size() - 2; i++) {
            String next = lines.get(i + 1);
            assertThat(PdfText.measure(lines.get(i) + next.charAt(0), regular, 10)).isGreaterThan(120f);
        }
    }

    @Test
    void namesWithApostrophesAndDiacriticsAreKeptWholeAndInOrder() {
        String name = "Ni Luh Putu Ayu Ṣrī Wahyuni O'Connor-Nūr Ḥusayn Çelik Đặng Thị Thu Hà";
        List<String> lines = PdfText.wrap(name, bold, 11, 90);
        assertThat(lines.size()).isGreaterThan(3);
        assertThat(String.join(" ", lines)).isEqualTo(name);
        assertThat(lines).contains("O'Connor-Nūr").allSatisfy(l -> assertThat(PdfText.measure(l, bold, 11)).isLessThanOrEqualTo(90f));
    }

    @Test
    void emptyBlankAndNullTextGiveOneEmptyLine() {
        assertThat(PdfText.wrap("", regular, 9, 100)).containsExactly("");
        assertThat(PdfText.wrap("  \t\r\n ", regular, 9, 100)).containsExactly("");
        assertThat(PdfText.wrap(null, regular, 9, 100)).containsExactly("");
        assertThat(PdfText.measure(null, regular, 9)).isZero();
    }

    @Test
    void textExactlyAsWideAsTheLineStaysOnOneLineAndAHairNarrowerLineBreaksIt() {
        String text = "Kantor Imigrasi Kelas I";
        float exact = PdfText.measure(text, regular, 9);
        assertThat(PdfText.wrap(text, regular, 9, exact)).containsExactly(text);
        assertThat(PdfText.wrap(text, regular, 9, exact - 0.01f)).containsExactly("Kantor Imigrasi Kelas", "I");
    }

    @Test
    void lineBreaksAndTabsInsideTheTextBecomeSpaces() {
        assertThat(PdfText.clean("Jl. Udayana\r\nNo. 7\tDenpasar")).isEqualTo("Jl. Udayana No. 7 Denpasar");
        assertThat(PdfText.wrap("  Jl. Udayana\r\n\r\nNo. 7  ", regular, 9, 500)).containsExactly("Jl. Udayana No. 7");
        assertThat(PdfText.measure("a\nb", regular, 9)).isEqualTo(PdfText.measure("a b", regular, 9));
    }

    @Test
    void aCharacterTheFontLacksIsRefusedNotDroppedOrReplaced() {
        // DejaVu Sans has no CJK: as before, PDFBox says so instead of printing a wrong or missing name
        assertThatThrownBy(() -> PdfText.wrap("Tanaka 田中", regular, 9, 200))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+7530");
    }

    @Test
    void theJava2dFacesAreTheSameDejaVuSans() {
        assertThat(PdfFonts.awt(false, 9).getFontName()).isEqualTo("DejaVu Sans");
        assertThat(PdfFonts.awt(true, 12).getFontName()).isEqualTo("DejaVu Sans Bold");
        assertThat(PdfFonts.awt(true, 12).getSize2D()).isEqualTo(12f);
        assertThat(PdfFonts.awt(true, 12).isBold()).isTrue();
        assertThat(PdfFonts.awt(false, 12).isBold()).isFalse();
    }
}
