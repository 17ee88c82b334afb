package id.loket.verification.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.common.i18n.Messages;
import id.loket.verification.ui.CaseView.Step;
import id.loket.verification.ui.CaseView.StepState;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.util.Locale;
import javax.swing.Icon;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/**
 * Where the case is: check-in, document check, interview, (supervisor approval,) approved —
 * done steps ticked, the current one marked, a hold or a rejection in its colour.
 */
final class StepIndicator extends JPanel {

    private final Messages messages;

    StepIndicator(Messages messages) {
        super(new MigLayout("insets 0, gap 6, hidemode 3", "", "[]"));
        this.messages = messages;
        setName("case.steps");
    }

    void show(CaseView view) {
        removeAll();
        boolean first = true;
        int n = 1;
        for (Step s : view.steps()) {
            if (!first) {
                add(new JSeparator(), "w 16:40:, growx, aligny center");
            }
            first = false;
            StepState state = view.state(s);
            JLabel l = new JLabel(messages.get("counter.step." + s.name().toLowerCase(Locale.ROOT)));
            l.setName("case.step." + s.name());
            l.putClientProperty("state", state);
            l.setIcon(new StepIcon(state, n++));
            l.setToolTipText(messages.get("counter.stepState." + state.name().toLowerCase(Locale.ROOT)));
            switch (state) {
                case CURRENT, HELD, REJECTED -> l.putClientProperty(FlatClientProperties.STYLE_CLASS, "semibold");
                case TODO -> l.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
                case DONE -> {
                    // plain
                }
            }
            add(l);
        }
        revalidate();
        repaint();
    }

    /** A round marker: a tick when done, the step's number otherwise; coloured by state. */
    private static final class StepIcon implements Icon {
        private static final int SIZE = 20;
        private final StepState state;
        private final int number;

        StepIcon(StepState state, int number) {
            this.state = state;
            this.number = number;
        }

        private static Color color(String key, Color fallback) {
            Color c = UIManager.getColor(key);
            return c == null ? fallback : c;
        }

        @Override
        public void paintIcon(Component c, Graphics g, int x, int y) {
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Color fill = switch (state) {
                case DONE -> color("Actions.Green", c.getForeground());
                case CURRENT -> color("Component.accentColor", c.getForeground());
                case HELD -> color("Actions.Yellow", c.getForeground());
                case REJECTED -> color("Actions.Red", c.getForeground());
                case TODO -> null;
            };
            Color onFill = color("Button.default.foreground", c.getBackground());
            if (fill == null) {
                g2.setColor(color("Label.disabledForeground", c.getForeground()));
                g2.setStroke(new BasicStroke(1.5f));
                g2.drawOval(x + 1, y + 1, SIZE - 3, SIZE - 3);
            } else {
                g2.setColor(fill);
                g2.fillOval(x, y, SIZE - 1, SIZE - 1);
                g2.setColor(onFill);
            }
            g2.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            switch (state) {
                case DONE -> {
                    Path2D tick = new Path2D.Float();
                    tick.moveTo(x + 5.5, y + 10);
                    tick.lineTo(x + 8.5, y + 13);
                    tick.lineTo(x + 14, y + 6.5);
                    g2.draw(tick);
                }
                case REJECTED -> {
                    g2.drawLine(x + 6, y + 6, x + 13, y + 13);
                    g2.drawLine(x + 13, y + 6, x + 6, y + 13);
                }
                case HELD -> {
                    g2.drawLine(x + 8, y + 5, x + 8, y + 14);
                    g2.drawLine(x + 11, y + 5, x + 11, y + 14);
                }
                default -> {
                    g2.setFont(c.getFont().deriveFont(java.awt.Font.BOLD, c.getFont().getSize2D() - 1));
                    String s = Integer.toString(number);
                    var fm = g2.getFontMetrics();
                    g2.drawString(s, x + (SIZE - 1 - fm.stringWidth(s)) / 2f, y + (SIZE - 1 + fm.getAscent() - fm.getDescent()) / 2f);
                }
            }
            g2.dispose();
        }

        @Override
        public int getIconWidth() {
            return SIZE;
        }

        @Override
        public int getIconHeight() {
            return SIZE;
        }
    }
}
