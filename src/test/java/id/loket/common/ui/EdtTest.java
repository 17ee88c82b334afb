package id.loket.common.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.common.i18n.Messages;
import java.awt.EventQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** In tests the guard of the event-dispatch thread is on, and it fails at once, not with a line in a log. */
class EdtTest {

    @Test
    void theCheckIsOnInTests() {
        assertThat(Edt.checking()).as("assertions are enabled by surefire, so Edt.check() is on").isTrue();
    }

    @Test
    void swingTouchedOffTheEventDispatchThreadFailsAtOnce() {
        assertThat(EventQueue.isDispatchThread()).isFalse();
        assertThatThrownBy(Edt::check).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("off the event-dispatch thread").hasMessageContaining(Thread.currentThread().getName());
    }

    @Test
    void onTheEventDispatchThreadTheCheckPasses() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> ran = new AtomicReference<>(false);
        EventQueue.invokeAndWait(() -> {
            try {
                Edt.check();
                ran.set(true);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        assertThat(failure.get()).isNull();
        assertThat(ran.get()).isTrue();
    }

    @Test
    void aStepTakenOffTheEventDispatchThreadFailsBeforeItDoesAnything() {
        AtomicReference<Boolean> ran = new AtomicReference<>(false);
        StepAction step = new StepAction(Messages.forLanguage("en"), "counter.action.help", null) {
            @Override
            protected void perform() {
                ran.set(true);
            }
        };
        assertThatThrownBy(() -> step.actionPerformed(null)).isInstanceOf(IllegalStateException.class);
        assertThat(ran.get()).isFalse();
    }
}
