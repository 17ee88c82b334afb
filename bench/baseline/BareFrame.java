import com.formdev.flatlaf.FlatLightLaf;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;

/**
 * The cold-start baseline of bench/run: a bare FlatLaf frame with one label, the least a Swing
 * desk application can show. Run with Loket's jar on the class path (it holds FlatLaf):
 * {@code java -cp target/loket.jar bench/baseline/BareFrame.java}; the window is titled
 * "Loket baseline" and stays until the process is killed.
 */
public final class BareFrame {
    public static void main(String[] args) {
        SwingUtilities.invokeLater(() -> {
            FlatLightLaf.setup();
            JFrame frame = new JFrame("Loket baseline");
            frame.add(new JLabel("Loket"));
            frame.setSize(800, 520);
            frame.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE);
            frame.setVisible(true);
        });
    }
}
