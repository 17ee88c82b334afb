package id.loket.testing;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.event.InputEvent;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;

/** What the GUI tests of the desk do alike: wait for what the screen shows, press keys as an officer does. */
public final class Gui {

    private Gui() {
    }

    /**
     * Clicks {@code button} until {@code done} holds, giving each click {@code wait} to show: a
     * click a loaded Xvfb lost is given again only while the screen proves nothing happened, and
     * after two lost clicks (without a window manager another window can lie over this one) the
     * button is pressed through Swing. The button's action must refuse a second press while the
     * first one works (the screens under test do, in their status line).
     */
    public static void clickUntil(org.assertj.swing.fixture.AbstractComponentFixture<?, ? extends javax.swing.AbstractButton, ?> button,
            String what, BooleanSupplier done, Duration wait) throws InterruptedException {
        javax.swing.AbstractButton target = button.target();
        giveUntil(attempt -> {
            if (attempt < 2) {
                button.click();
            } else {
                GuiActionRunner.execute(() -> target.doClick());
            }
        }, "the button: " + what, done, wait);
    }

    /**
     * Presses {@code keyCode} in {@code target} until {@code done} holds, giving each press
     * {@code wait} to show; a key a loaded Xvfb lost is pressed again only while the screen proves
     * nothing happened.
     */
    public static void pressUntil(org.assertj.swing.fixture.AbstractComponentFixture<?, ?, ?> target, int keyCode, String what,
            BooleanSupplier done, Duration wait) throws InterruptedException {
        giveUntil(attempt -> target.pressAndReleaseKeys(keyCode), "the key: " + what, done, wait);
    }

    /** Gives an input (told which try it is, from 0) until {@code done} holds, three times at most, {@code wait} each. */
    private static void giveUntil(IntConsumer input, String what, BooleanSupplier done, Duration wait) throws InterruptedException {
        for (int tries = 0; tries < 3 && !done.getAsBoolean(); tries++) {
            input.accept(tries);
            long until = System.nanoTime() + wait.toNanos();
            while (!done.getAsBoolean() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
        }
        if (!done.getAsBoolean()) {
            throw new AssertionError("not done after three presses of " + what);
        }
    }

    /**
     * Presses Enter in the sign-in's password field until the sign-in is gone: a key a loaded
     * Xvfb lost is pressed again, only while the field still shows (nothing happened).
     */
    public static void submitSignIn(org.assertj.swing.fixture.JTextComponentFixture password) {
        javax.swing.text.JTextComponent field = password.target();
        try {
            pressUntil(password, java.awt.event.KeyEvent.VK_ENTER, "Enter, then signed in",
                    () -> !GuiActionRunner.execute(field::isShowing), Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while signing in", e);
        }
    }

    /**
     * Waits (bounded) until {@code ok} holds for what {@code current} reads; a read that throws
     * counts as not yet (the component may not be there yet). A timeout says what it read last.
     */
    public static <T> void waitFor(String what, Duration timeout, Supplier<T> current, Predicate<T> ok) {
        Pause.pause(new Condition(what) {
            private T seen;

            @Override
            public boolean test() {
                try {
                    seen = current.get();
                } catch (RuntimeException e) {
                    seen = null;
                    return false;
                }
                return ok.test(seen);
            }

            @Override
            protected String descriptionAddendum() {
                return " (last seen: " + seen + ")";
            }
        }, timeout.toMillis());
    }

    /**
     * Presses a key as the officer does, with modifiers given as {@code InputEvent.*_DOWN_MASK};
     * AssertJ Swing's robot reads the older {@code *_MASK} values, so they are translated here.
     */
    public static void key(Robot robot, int keyCode, int... modifiers) {
        int[] old = new int[modifiers.length];
        for (int i = 0; i < modifiers.length; i++) {
            old[i] = oldMask(modifiers[i]);
        }
        robot.pressAndReleaseKey(keyCode, old);
        robot.waitForIdle();
    }

    /** {@code InputEvent.*_DOWN_MASK} modifiers as the older {@code *_MASK} values AssertJ Swing's robot reads. */
    @SuppressWarnings("deprecation")
    public static int oldMask(int downMask) {
        return ((downMask & InputEvent.CTRL_DOWN_MASK) != 0 ? InputEvent.CTRL_MASK : 0)
                | ((downMask & InputEvent.SHIFT_DOWN_MASK) != 0 ? InputEvent.SHIFT_MASK : 0)
                | ((downMask & InputEvent.ALT_DOWN_MASK) != 0 ? InputEvent.ALT_MASK : 0);
    }

    /** Waits until the component named {@code name} has the keyboard focus. */
    public static void waitUntilFocused(String what, String name, Duration timeout) {
        waitFor("focus on " + what + " (" + name + ")", timeout, () -> GuiActionRunner.execute(() -> {
            Component owner = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
            return owner == null ? null : owner.getName();
        }), name::equals);
    }
}
