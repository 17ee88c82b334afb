package id.loket.counter.ui;

import id.loket.common.i18n.Messages;
import id.loket.common.ui.Keys;
import id.loket.common.ui.Screens;
import id.loket.common.ui.Theme;
import java.awt.BorderLayout;
import java.awt.FontMetrics;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.Locale;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/**
 * F1: every key of the desk, grouped by where it works — the counter screen, the open case, the
 * checklist and dialogs (the {@link Shortcut} list), the print preview, the supervisor's
 * dashboard, and the menus of the window it is opened from (Alt + the underlined letter). Two
 * columns with wrapped descriptions, so it fits a 1366×768 screen at any text size; it scrolls
 * when it does not. Esc, Enter or F1 closes it.
 */
final class HelpDialog extends JDialog {

    /** Keys of the print preview (printing.ui): key text and bundle key of what it does. */
    static final String[][] PREVIEW = {
        {"Enter", "counter.help.preview.print"},
        {"Ctrl+P", "counter.help.preview.print"},
        {"Ctrl+S", "counter.help.preview.save"},
        {"Esc", "counter.help.preview.close"},
    };
    /** Keys of the supervisor's dashboard (supervisor.ui). */
    static final String[][] DASHBOARD = {
        {"F5", "counter.help.dashboard.refresh"},
        {"Ctrl+Shift+K", "counter.help.dashboard.conflicts"},
        {"Ctrl+Shift+E", "counter.help.dashboard.closeDay"},
        {"Ctrl+Shift+L", "counter.help.dashboard.release"},
        {"Enter", "counter.help.dashboard.openApproval"},
        {"Esc", "counter.help.dashboard.close"},
    };

    private final Messages messages;
    /** The width descriptions wrap at: about 44 characters of the current font. */
    private final int wrapWidth;

    HelpDialog(Window owner, Messages messages) {
        super(owner, messages.get("counter.help.title"), ModalityType.APPLICATION_MODAL);
        this.messages = messages;
        setName("help.dialog");
        FontMetrics fm = getFontMetrics(UIManager.getFont("Label.font"));
        this.wrapWidth = fm.charWidth('n') * 44;
        // Two columns: the desk and the case on the left; the checklist, dialogs, preview, dashboard and menus on the right.
        JPanel left = column();
        JPanel right = column();
        Shortcut.Group group = null;
        for (Shortcut s : Shortcut.values()) {
            JPanel list = s.group() == Shortcut.Group.DESK || s.group() == Shortcut.Group.CASE ? left : right;
            if (s.group() != group) {
                group = s.group();
                heading(list, "counter.help.group." + group.name().toLowerCase(Locale.ROOT));
            }
            row(list, "help.key." + s.name(), s.keyText(), messages.get(s.descriptionKey()));
        }
        heading(right, "counter.help.group.preview");
        for (String[] k : PREVIEW) {
            row(right, "help.preview." + k[1], k[0], messages.get(k[1]));
        }
        heading(right, "counter.help.group.dashboard");
        for (String[] k : DASHBOARD) {
            row(right, "help.dashboard." + k[1], k[0], messages.get(k[1]));
        }
        if (owner instanceof JFrame frame && frame.getJMenuBar() != null) {
            heading(right, "counter.help.group.menus");
            JMenuBar bar = frame.getJMenuBar();
            for (int i = 0; i < bar.getMenuCount(); i++) {
                JMenu m = bar.getMenu(i);
                if (m != null && m.getMnemonic() != 0) {
                    row(right, "help.menu." + i, "Alt+" + KeyEvent.getKeyText(m.getMnemonic()), messages.get("counter.help.menu", m.getText()));
                }
            }
        }
        JPanel both = new JPanel(new MigLayout("insets 16, gap 32", "[][]", "[top]"));
        both.add(left);
        both.add(right);
        JButton close = new JButton(messages.get("counter.help.close"));
        close.setName("help.close");
        close.addActionListener(e -> dispose());
        Keys.enterClicks(close);
        JPanel south = new JPanel(new MigLayout("insets 8 16 12 16", "[grow][]", "[]"));
        south.add(Theme.style(new JLabel(messages.get("counter.help.closeHint")), "small", "hint"));
        south.add(close);
        JScrollPane scroll = new JScrollPane(both);
        scroll.setBorder(null);
        scroll.getVerticalScrollBar().setUnitIncrement(fm.getHeight());
        getContentPane().add(scroll, BorderLayout.CENTER);
        getContentPane().add(south, BorderLayout.SOUTH);
        getRootPane().setDefaultButton(close);
        for (int k : new int[] {KeyEvent.VK_ESCAPE, KeyEvent.VK_F1}) {
            Keys.bind(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.key(k), "close" + k, this::dispose);
        }
        pack();
        // room for the vertical scroll bar, should the screen be too low for the whole list
        setSize(getWidth() + scroll.getVerticalScrollBar().getPreferredSize().width + 8, getHeight());
        Screens.packWithinAsIs(this, owner);
    }

    private static JPanel column() {
        return new JPanel(new MigLayout("insets 0, wrap 2, gap 16 4", "[right][]", ""));
    }

    private void heading(JPanel list, String key) {
        list.add(Theme.style(new JLabel(messages.get(key)), "h4"), "span 2, left, gaptop " + (list.getComponentCount() == 0 ? 0 : 12));
    }

    private void row(JPanel list, String name, String keyText, String description) {
        JLabel key = Theme.style(new JLabel(keyText), "semibold");
        key.setName(name);
        list.add(key, "aligny top"); // beside the first line of a wrapped description
        JLabel what = new JLabel(wrap(description));
        what.setName(name + ".text");
        list.add(what);
    }

    /** The description, wrapped when longer than the column (short ones stay plain labels). */
    private String wrap(String text) {
        FontMetrics fm = getFontMetrics(UIManager.getFont("Label.font"));
        if (fm.stringWidth(text) <= wrapWidth) {
            return text;
        }
        return "<html><body style='width: " + wrapWidth + "px'>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</body></html>";
    }
}
