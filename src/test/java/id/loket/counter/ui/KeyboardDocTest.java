package id.loket.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.common.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/keyboard.md, the F1 help and the actions' accelerators are one list: the Shortcut enum. */
class KeyboardDocTest {

    private static final Messages ENGLISH = Messages.forLanguage("en");
    private static final Messages INDONESIAN = Messages.forLanguage("id");

    private static String doc() throws IOException {
        return Files.readString(Path.of("docs", "keyboard.md"), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Shortcut.class)
    void everyKeyIsInTheDocWithItsEnglishAndIndonesianWords(Shortcut s) throws IOException {
        String row = "| `" + s.keyText() + "` | " + ENGLISH.get(s.descriptionKey()) + " | " + INDONESIAN.get(s.descriptionKey()) + " |";
        assertThat(doc()).contains(row);
    }

    @Test
    void theDocListsNoKeyTheScreenDoesNotHave() throws IOException {
        // the Shortcut tables end where the print preview's table (HelpDialog's own keys) begins
        String shortcuts = doc().substring(0, doc().indexOf("### The print preview"));
        long rows = shortcuts.lines().filter(l -> l.startsWith("| `")).count();
        long steps = 11; // the walk-through table at the top: "| – |", "| 1 |" … "| 10 |" do not start with a key
        assertThat(rows).isEqualTo(Shortcut.values().length);
        assertThat(doc().lines().filter(l -> l.matches("\\| (\\d{1,2}|–) \\|.*")).count()).isEqualTo(steps);
    }

    @Test
    void thePreviewAndDashboardKeysOfF1AreInTheDocWithTheirWords() throws IOException {
        String doc = doc();
        for (String[][] table : new String[][][] {HelpDialog.PREVIEW, HelpDialog.DASHBOARD}) {
            for (String[] k : table) {
                String row = "| `" + k[0] + "` | " + ENGLISH.get(k[1]) + " | " + INDONESIAN.get(k[1]) + " |";
                assertThat(doc).as(row).contains(row);
            }
        }
        long rows = doc.substring(doc.indexOf("### The print preview")).lines().filter(l -> l.startsWith("| `")).count();
        assertThat(rows).isEqualTo(HelpDialog.PREVIEW.length + HelpDialog.DASHBOARD.length);
    }

    @Test
    void noTwoShortcutsShareAnAccelerator() {
        List<String> strokes = Arrays.stream(Shortcut.values()).map(Shortcut::stroke).filter(Objects::nonNull)
                .filter(k -> k.getModifiers() != 0 || k.getKeyCode() >= java.awt.event.KeyEvent.VK_F1 && k.getKeyCode() <= java.awt.event.KeyEvent.VK_F12)
                .map(Object::toString).toList();
        assertThat(strokes).doesNotHaveDuplicates();
    }

    @Test
    void theSuggestedKeysOfTheIssueAreTheOnesUsed() {
        assertThat(Shortcut.SCAN.keyText()).isEqualTo("F2");
        assertThat(Shortcut.SCAN_ALT.keyText()).isEqualTo("Ctrl+L");
        assertThat(Shortcut.CALL_NEXT.keyText()).isEqualTo("F6");
        assertThat(Shortcut.FINISH.keyText()).isEqualTo("Ctrl+Enter");
        assertThat(Shortcut.INTERVIEW.keyText()).isEqualTo("Ctrl+I");
        assertThat(Shortcut.APPROVE.keyText()).isEqualTo("Ctrl+A");
        assertThat(Shortcut.REJECT.keyText()).isEqualTo("Ctrl+R");
        assertThat(Shortcut.WALK_IN.keyText()).isEqualTo("Ctrl+W");
        assertThat(Shortcut.HELP.keyText()).isEqualTo("F1");
        assertThat(List.of(Shortcut.VERIFIED, Shortcut.MISMATCH, Shortcut.MISSING, Shortcut.NOT_APPLICABLE))
                .extracting(Shortcut::keyText).containsExactly("V", "M", "X", "N");
    }
}
