package id.loket.counter.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.Keys;
import java.awt.BorderLayout;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.Locale;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import net.miginfocom.swing.MigLayout;

/** F1: every key of the counter screen, grouped by where it works. Esc, Enter or F1 closes it. */
final class HelpDialog extends JDialog {

    private static JPanel column() {
        return new JPanel(new MigLayout("insets 0, wrap 2, gap 16 4", "[right][]", ""));
    }

    HelpDialog(Window owner, Messages messages) {
        super(owner, messages.get("counter.help.title"), ModalityType.APPLICATION_MODAL);
        setName("help.dialog");
        // Two columns: the desk and the case on the left, the checklist and the dialogs on the right.
        JPanel left = column();
        JPanel right = column();
        Shortcut.Group group = null;
        for (Shortcut s : Shortcut.values()) {
            JPanel list = s.group() == Shortcut.Group.DESK || s.group() == Shortcut.Group.CASE ? left : right;
            if (s.group() != group) {
                group = s.group();
                JLabel heading = new JLabel(messages.get("counter.help.group." + group.name().toLowerCase(Locale.ROOT)));
                heading.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
                list.add(heading, "span 2, left, gaptop " + (list.getComponentCount() == 0 ? 0 : 12));
            }
            JLabel key = new JLabel(s.keyText());
            key.setName("help.key." + s.name());
            key.putClientProperty(FlatClientProperties.STYLE_CLASS, "semibold");
            list.add(key);
            list.add(new JLabel(messages.get(s.descriptionKey())));
        }
        JPanel both = new JPanel(new MigLayout("insets 16, gap 32", "[][]", "[top]"));
        both.add(left);
        both.add(right);
        JButton close = new JButton(messages.get("counter.help.close"));
        close.setName("help.close");
        close.addActionListener(e -> dispose());
        Keys.enterClicks(close);
        JPanel south = new JPanel(new MigLayout("insets 8 16 12 16", "[grow][]", "[]"));
        JLabel doc = new JLabel(messages.get("counter.help.doc"));
        doc.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        south.add(doc);
        south.add(close);
        JScrollPane scroll = new JScrollPane(both);
        scroll.setBorder(null);
        getContentPane().add(scroll, BorderLayout.CENTER);
        getContentPane().add(south, BorderLayout.SOUTH);
        getRootPane().setDefaultButton(close);
        for (int k : new int[] {KeyEvent.VK_ESCAPE, KeyEvent.VK_F1}) {
            Keys.bind(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.key(k), "close" + k, this::dispose);
        }
        pack();
        setSize(getWidth() + 24, Math.min(getHeight() + 8, owner == null ? 720 : Math.max(400, owner.getHeight() - 60)));
        setLocationRelativeTo(owner);
    }
}
