package id.loket.common.ui;

import com.formdev.flatlaf.FlatClientProperties;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import javax.swing.JComponent;

/**
 * Loket's look and feel: FlatLaf with the application's style classes from
 * {@code id/loket/theme/FlatLaf.properties}. Components name a style class instead of carrying
 * inline style strings.
 */
public final class Theme {

    private static final String DEFAULTS = "id.loket.theme";

    private Theme() {
    }

    /** Installs the light theme with Loket's style classes (call on the event-dispatch thread). */
    public static void setup() {
        FlatLaf.registerCustomDefaultsSource(DEFAULTS);
        FlatLightLaf.setup();
    }

    /** Gives {@code c} the look of one or more style classes of the theme file; returns it. */
    public static <C extends JComponent> C style(C c, String... styleClasses) {
        c.putClientProperty(FlatClientProperties.STYLE_CLASS, String.join(" ", styleClasses));
        return c;
    }
}
