package id.loket.display.voice;

import id.loket.casefile.model.QueueNumber;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks calls one after another on a thread of its own: calls that arrive together wait their
 * turn, never overlap. A machine without a sound device (or whose device is busy) is said once in
 * the log; the calls are then skipped, silently, while the display goes on showing them (each
 * later call tries the device again, so speakers plugged in later are used).
 */
public final class Announcer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);

    /** Where the samples go: the sound device, or (in tests) anything else. */
    @FunctionalInterface
    public interface Speaker {
        /** Plays the samples to the end; throws if there is no device to play them on. */
        void play(byte[] pcm, AudioFormat format) throws LineUnavailableException;
    }

    /** The default sound device through Java Sound. */
    public static final Speaker JAVA_SOUND = (pcm, format) -> {
        SourceDataLine line;
        try {
            line = AudioSystem.getSourceDataLine(format);
        } catch (IllegalArgumentException | SecurityException e) {
            throw new LineUnavailableException("no sound device: " + e.getMessage());
        }
        try {
            line.open(format);
            line.start();
            line.write(pcm, 0, pcm.length);
            line.drain();
        } finally {
            line.close();
        }
    };

    private final CallAudio audio;
    private final Speaker speaker;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "announcer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean saidNoDevice = new AtomicBoolean();

    public Announcer(CallAudio audio, Speaker speaker) {
        this.audio = audio;
        this.speaker = speaker;
    }

    /** Queues the call's announcement; returns at once. */
    public void announce(QueueNumber number, String counter) {
        thread.execute(() -> speak(number, counter));
    }

    private void speak(QueueNumber number, String counter) {
        try {
            speaker.play(audio.pcm(number, counter), Clips.FORMAT);
            if (saidNoDevice.compareAndSet(true, false)) {
                LOG.info("Display: the sound device plays again");
            }
        } catch (LineUnavailableException e) {
            if (saidNoDevice.compareAndSet(false, true)) {
                LOG.warn("Display: no sound device ({}); calls are shown without being spoken", e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.error("Display: call {} to counter {} could not be spoken", number, counter, e);
        }
    }

    /** Whether the last try found no sound device. */
    public boolean silent() {
        return saidNoDevice.get();
    }

    /** Waits up to {@code millis} for the announcements queued so far to be spoken; answers whether they were. */
    public boolean drain(long millis) throws InterruptedException {
        try {
            thread.submit(() -> { }).get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
