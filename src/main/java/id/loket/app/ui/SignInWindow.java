package id.loket.app.ui;

import id.loket.common.i18n.Messages;
import id.loket.common.ui.Tasks;
import id.loket.staff.model.Session;
import id.loket.staff.ui.LoginPanel;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.function.Consumer;
import javax.swing.JFrame;
import javax.swing.WindowConstants;

/**
 * The first window of the desk: the same sign-in as the desk's own, on screen while the
 * database is still opening behind it. Officers type at once; a sign-in sent before the
 * database is open waits for it (and says so). The desk window replaces this one at the same
 * place once someone is signed in.
 */
public final class SignInWindow extends JFrame {

    private final Messages messages;
    private final LoginPanel login;

    /**
     * @param officeName the office if already known (the demo), else null: named by
     *                   {@link #opened} once the database has told it
     * @param closing    the officer closed the window (before anyone signed in)
     */
    public SignInWindow(Messages messages, String officeName, LoginPanel.SignIn signIn, Tasks tasks, Consumer<Session> signedIn,
            Consumer<String> languageChosen, Runnable closing) {
        super(officeName == null ? "Loket" : messages.get("app.title", officeName));
        this.messages = messages;
        setName("signIn");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                closing.run();
            }
        });
        // the icon once the window is up: reading the SVG library costs a tenth of a second of the start
        javax.swing.SwingUtilities.invokeLater(
                () -> setIconImages(com.formdev.flatlaf.extras.FlatSVGUtils.createWindowIconImages("/icons/loket.svg")));
        login = new LoginPanel(messages, officeName, signIn, tasks, signedIn, languageChosen);
        getContentPane().add(login, BorderLayout.CENTER);
        setMinimumSize(new Dimension(800, 520));
        id.loket.common.ui.Screens.fill(this);
    }

    /** The database is open: the office's name in the title and on the panel, the training band on a training folder. */
    public void opened(String officeName, boolean training) {
        setTitle(messages.get("app.title", officeName));
        login.showOffice(officeName);
        if (training && getContentPane().getComponentCount() == 1) {
            getContentPane().add(DeskFrame.trainingBand(messages), BorderLayout.NORTH);
            revalidate();
        }
    }

    public Messages messages() {
        return messages;
    }
}
