package id.loket.common.ui;

import com.formdev.flatlaf.FlatClientProperties;
import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Font;
import javax.swing.JComponent;
import javax.swing.UIManager;
import javax.swing.plaf.FontUIResource;

/**
 * Loket's look and feel: FlatLaf's own light or dark theme with the application's style classes
 * from {@code id/loket/theme/FlatLaf.properties}, and the text size as FlatLaf's default font
 * scaled from the theme's own. Components name a style class instead of carrying inline style
 * strings, so one theme file serves light and dark alike. Every window is also kept within the
 * screen it is on ({@link Screens#keepWindowsOnScreen()}).
 */
public final class Theme {

    private static final String DEFAULTS = "id.loket.theme";

    /** The theme's own default font (before any text size), read once. */
    private static Font baseFont;
    private static boolean dark;
    private static int textPercent = 100;

    private Theme() {
    }

    /** Installs the light theme with Loket's style classes (call on the event-dispatch thread). */
    public static void setup() {
        FlatLaf.registerCustomDefaultsSource(DEFAULTS);
        install(false);
        Screens.keepWindowsOnScreen();
    }

    /**
     * Switches to the dark or light theme and the text size in percent (100, 125, 150) and
     * updates every open window (event-dispatch thread). Nothing happens when both are as they are.
     */
    public static void apply(boolean darkTheme, int percent) {
        if (darkTheme == dark && percent == textPercent && baseFont != null) {
            return;
        }
        dark = darkTheme;
        textPercent = percent;
        if (baseFont == null) {
            baseFont = UIManager.getLookAndFeelDefaults().getFont("defaultFont");
        }
        if (baseFont != null) {
            float size = Math.round(baseFont.getSize2D() * percent / 100f);
            UIManager.put("defaultFont", percent == 100 ? null : new FontUIResource(baseFont.deriveFont(size)));
        }
        install(darkTheme);
        FlatLaf.updateUI();
        Screens.refitWindows();
    }

    public static boolean dark() {
        return dark;
    }

    public static int textPercent() {
        return textPercent;
    }

    private static void install(boolean darkTheme) {
        if (darkTheme) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
        if (baseFont == null) {
            baseFont = UIManager.getLookAndFeelDefaults().getFont("defaultFont");
        }
    }

    /** Gives {@code c} the look of one or more style classes of the theme file; returns it. */
    public static <C extends JComponent> C style(C c, String... styleClasses) {
        c.putClientProperty(FlatClientProperties.STYLE_CLASS, styleClasses.length == 0 ? null : String.join(" ", styleClasses));
        return c;
    }
}
