package id.loket.staff.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.common.ui.Tasks;
import id.loket.staff.model.Session;
import id.loket.staff.service.AuthService;
import java.awt.Color;
import java.awt.Graphics;
import java.awt.event.MouseAdapter;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/**
 * What covers a desk left idle, hiding it whole: the screen underneath stays as it was (nothing typed or open is
 * lost), and the same officer's password, or a supervisor's, opens it again. Used as the
 * window's glass pane, so it swallows every click meant for the desk.
 */
public final class LockPanel extends JPanel {

    private final Messages messages;
    private final JLabel who = new JLabel();
    private final JTextField username = new JTextField(18);
    private final JPasswordField password = new JPasswordField(18);
    private final JLabel error = new JLabel(" ");
    private final JButton unlock;
    private Session locked;

    public LockPanel(Messages messages, AuthService auth, Tasks tasks, Consumer<Session> unlocked) {
        super(new MigLayout("fill", "[center]", "[center]"));
        this.messages = messages;
        setOpaque(false);
        setName("lock");
        addMouseListener(new MouseAdapter() { });
        JPanel card = new JPanel(new MigLayout("insets 24, wrap 2", "[right][260!]", "[]12[]16[][]8[]8[]"));
        id.loket.common.ui.Theme.style(card, "lockCard");
        JLabel title = new JLabel(messages.get("desk.lock.title"));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h1");
        who.setName("lock.who");
        username.setName("lock.username");
        password.setName("lock.password");
        error.setName("lock.error");
        id.loket.common.ui.Theme.style(error, "error");
        unlock = new JButton(messages.get("desk.lock.unlock"));
        unlock.setName("lock.unlock");
        JLabel userLabel = new JLabel(messages.get("login.username"));
        userLabel.setLabelFor(username);
        JLabel passLabel = new JLabel(messages.get("login.password"));
        passLabel.setLabelFor(password);
        card.add(title, "span 2, center");
        card.add(who, "span 2, width 360!");
        card.add(userLabel);
        card.add(username, "growx");
        card.add(passLabel);
        card.add(password, "growx");
        card.add(error, "skip, growx");
        card.add(unlock, "skip, growx");
        add(card);
        username.addActionListener(e -> password.requestFocusInWindow());
        password.addActionListener(e -> submit(auth, tasks, unlocked));
        unlock.addActionListener(e -> submit(auth, tasks, unlocked));
    }

    /** Covers the desk of {@code session}; the password field takes the keys. */
    public void lock(Session session) {
        this.locked = session;
        who.setText("<html>" + messages.get("desk.lock.who", session.fullName()) + "</html>");
        username.setText(session.username());
        password.setText("");
        error.setText(" ");
        unlock.setEnabled(true);
        setVisible(true);
        SwingUtilities.invokeLater(password::requestFocusInWindow);
    }

    public boolean locked() {
        return isVisible();
    }

    private void submit(AuthService auth, Tasks tasks, Consumer<Session> unlocked) {
        char[] secret = password.getPassword();
        String name = username.getText();
        if (name.isBlank() || secret.length == 0) {
            error.setText(messages.get("login.empty"));
            return;
        }
        unlock.setEnabled(false);
        Session before = locked;
        tasks.run(() -> auth.unlockDesk(before, name, secret, before.counter()), next -> {
            setVisible(false);
            unlocked.accept(next);
        }, e -> {
            unlock.setEnabled(true);
            password.setText("");
            password.requestFocusInWindow();
            error.setText(e instanceof UserFacingException u ? messages.of(u) : messages.get("login.failed"));
        });
    }

    @Override
    protected void paintComponent(Graphics g) {
        g.setColor(new Color(20, 24, 32)); // opaque: names and NIKs on the desk stay hidden while it is locked
        g.fillRect(0, 0, getWidth(), getHeight());
        super.paintComponent(g);
    }
}
