package id.loket.staff.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.common.ui.Tasks;
import id.loket.staff.model.Session;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/**
 * The login: user name, password, and the language of the desk. The password is checked off
 * the event-dispatch thread (Argon2id takes tens of milliseconds on purpose).
 */
public final class LoginPanel extends JPanel {

    /** A language the desk speaks, as the combo shows it. */
    public record Language(String code, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * Checks a user name and password and opens the session (on a background thread; it may
     * wait for the database to open, see {@link #ready()}).
     */
    public interface SignIn {
        Session signIn(String username, char[] password);

        /** False while the database behind the sign-in is still opening: the panel says it waits. */
        default boolean ready() {
            return true;
        }
    }

    private final Messages messages;
    private final JLabel office;
    private final JTextField username = new JTextField(20);
    private final JPasswordField password = new JPasswordField(20);
    private final JLabel error = new JLabel(" ");
    private final JButton login;

    public LoginPanel(Messages messages, String officeName, SignIn auth, Tasks tasks,
            Consumer<Session> loggedIn, Consumer<String> languageChosen) {
        super(new MigLayout("insets 0, align 50% 40%", "[right][260!]", "[]24[][][][]16[][]"));
        this.messages = messages;
        JLabel title = new JLabel(messages.get("login.title"));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h1");
        office = new JLabel(officeName == null || officeName.isBlank() ? " " : officeName);
        office.setName("login.office");
        office.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        username.setName("login.username");
        password.setName("login.password");
        error.setName("login.error");
        id.loket.common.ui.Theme.style(error, "error");
        login = new JButton(messages.get("login.submit"));
        login.setName("login.submit");
        JComboBox<Language> language = new JComboBox<>(List.of(
                new Language("id", messages.get("language.id")),
                new Language("en", messages.get("language.en"))).toArray(new Language[0]));
        language.setName("login.language");
        language.setSelectedIndex(messages.language().equals("en") ? 1 : 0);
        language.addActionListener(e -> {
            Language chosen = (Language) language.getSelectedItem();
            if (chosen != null && !chosen.code().equals(messages.language())) {
                languageChosen.accept(chosen.code());
            }
        });

        JLabel userLabel = new JLabel(messages.get("login.username"));
        userLabel.setLabelFor(username);
        JLabel passLabel = new JLabel(messages.get("login.password"));
        passLabel.setLabelFor(password);
        JLabel langLabel = new JLabel(messages.get("login.language"));
        langLabel.setLabelFor(language);

        add(title, "span 2, center, wrap");
        add(office, "span 2, center, wrap");
        add(userLabel);
        add(username, "growx, wrap");
        add(passLabel);
        add(password, "growx, wrap");
        add(langLabel);
        add(language, "growx, wrap");
        add(error, "skip, growx, wrap");
        add(login, "skip, growx");

        username.addActionListener(e -> password.requestFocusInWindow());
        password.addActionListener(e -> submit(auth, tasks, loggedIn));
        login.addActionListener(e -> submit(auth, tasks, loggedIn));
        SwingUtilities.invokeLater(username::requestFocusInWindow);
    }

    /** Names the office once it is known (the database behind a sign-in window has opened). */
    public void showOffice(String officeName) {
        office.setText(officeName);
    }

    private void submit(SignIn auth, Tasks tasks, Consumer<Session> loggedIn) {
        if (!login.isEnabled()) {
            return; // Enter again while a sign-in is on its way
        }
        String name = username.getText();
        char[] secret = password.getPassword();
        if (name.isBlank() || secret.length == 0) {
            error.setText(messages.get("login.empty"));
            return;
        }
        login.setEnabled(false);
        boolean waits = !auth.ready();
        id.loket.common.ui.Theme.style(error, waits ? "plain" : "error");
        error.setText(waits ? messages.get("login.opening") : " ");
        tasks.run(() -> auth.signIn(name, secret), loggedIn::accept, e -> {
            login.setEnabled(true);
            password.setText("");
            password.requestFocusInWindow();
            id.loket.common.ui.Theme.style(error, "error");
            error.setText(e instanceof UserFacingException u ? messages.of(u) : messages.get("login.failed"));
        });
    }
}
