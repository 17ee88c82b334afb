package id.loket.common.ui;

import id.loket.common.i18n.Messages;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.KeyStroke;

/**
 * One step a screen offers (a menu item, a button and a key at once): its name, mnemonic and
 * tooltip from the bundle key of its {@link Key}, its accelerator from the same key. A subclass
 * does the step in {@link #perform()}; the screen sets whether it is enabled.
 */
public abstract class StepAction extends AbstractAction {

    /** A key of a screen as its list of keys knows it (the counter's {@code Shortcut}). */
    public interface Key {
        /** The accelerator (null for keys that only work inside one component). */
        KeyStroke stroke();

        /** The key as written on screen. */
        String keyText();

        /** The bundle key of what the key does: the step's name, {@code .mnemonic} and {@code .tip}. */
        String descriptionKey();
    }

    protected StepAction(Messages messages, Key key) {
        this(messages, key.descriptionKey(), key);
    }

    /** A step named by {@code messageKey}, with {@code key} as its accelerator (or none when null). */
    protected StepAction(Messages messages, String messageKey, Key key) {
        super(messages.get(messageKey));
        KeyStroke stroke = key == null ? null : key.stroke();
        if (stroke != null) {
            putValue(Action.ACCELERATOR_KEY, stroke);
        }
        if (messages.has(messageKey + ".mnemonic")) {
            putValue(Action.MNEMONIC_KEY, KeyEvent.getExtendedKeyCodeForChar(messages.get(messageKey + ".mnemonic").charAt(0)));
        }
        putValue(Action.SHORT_DESCRIPTION, messages.get(messageKey + ".tip") + (stroke == null ? "" : " (" + key.keyText() + ")"));
    }

    /** A step that only runs {@code step} (the screen's own keys: help, log out, ...). */
    public static StepAction of(Messages messages, Key key, Runnable step) {
        return of(messages, key.descriptionKey(), key, step);
    }

    /** A step named by {@code messageKey} that only runs {@code step}; {@code key} may be null. */
    public static StepAction of(Messages messages, String messageKey, Key key, Runnable step) {
        return new StepAction(messages, messageKey, key) {
            @Override
            protected void perform() {
                step.run();
            }
        };
    }

    /** Does the step (on the event-dispatch thread). */
    protected abstract void perform();

    @Override
    public final void actionPerformed(ActionEvent e) {
        Edt.check();
        perform();
    }
}
