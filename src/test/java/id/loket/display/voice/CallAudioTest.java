package id.loket.display.voice;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.casefile.model.QueueNumber;
import id.loket.casefile.model.QueueSeries;
import java.io.BufferedInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A call rendered to a WAV file through the player's own assembly: as long as its clips, chime and pauses, and not silent. */
class CallAudioTest {

    @TempDir
    Path dir;

    private final Clips clips = new Clips();

    @Test
    void aCallIsTheChimeAndItsClipsWithPausesAndIsAudible() throws Exception {
        QueueNumber number = new QueueNumber(QueueSeries.A, 7);
        Path wav = dir.resolve("a007-3.wav");
        try (OutputStream out = Files.newOutputStream(wav)) {
            new CallAudio(clips).writeWav(number, "3", out);
        }

        byte[] samples;
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(Files.newInputStream(wav)))) {
            assertThat(in.getFormat().matches(Clips.FORMAT)).isTrue();
            samples = in.readAllBytes();
        }
        double seconds = samples.length / (double) Clips.FORMAT.getFrameSize() / Clips.FORMAT.getFrameRate();

        List<String> words = CallSentence.words(number, "3");
        double expected = seconds(clips.pcm(Clips.CHIME)) + CallAudio.AFTER_CHIME_MS / 1000.0;
        int spoken = 0;
        for (String w : words) {
            if (w.equals(CallSentence.COMMA)) {
                expected += CallAudio.COMMA_MS / 1000.0;
            } else {
                expected += seconds(clips.pcm(w));
                spoken++;
            }
        }
        expected += (spoken - 2) * CallAudio.BETWEEN_WORDS_MS / 1000.0; // gaps between words, none at the comma's two sides
        assertThat(seconds).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
        assertThat(seconds).as("a call lasts a few seconds").isBetween(3.0, 10.0);
        assertThat(rms(samples)).as("RMS of the call (of 32768)").isGreaterThan(1000);
        // the spoken part alone is audible too, not just the chime
        int chimeBytes = clips.pcm(Clips.CHIME).length;
        byte[] speech = java.util.Arrays.copyOfRange(samples, chimeBytes, samples.length);
        assertThat(rms(speech)).as("RMS of the words").isGreaterThan(1000);
    }

    @Test
    void callsThatArriveTogetherAreSpokenOneAfterAnotherNeverAtOnce() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        int[] playing = {0};
        int[] most = {0};
        Announcer.Speaker speaker = (pcm, format) -> {
            synchronized (playing) {
                most[0] = Math.max(most[0], ++playing[0]);
            }
            log.add("start " + pcm.length);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (playing) {
                playing[0]--;
            }
        };
        try (Announcer announcer = new Announcer(new CallAudio(clips), speaker)) {
            for (int n = 1; n <= 4; n++) {
                announcer.announce(new QueueNumber(QueueSeries.W, n), Integer.toString(n));
            }
            assertThat(announcer.drain(10_000)).isTrue();
        }
        assertThat(log).hasSize(4);
        assertThat(most[0]).isEqualTo(1);
    }

    @Test
    void noSoundDeviceCrashesNothingAndLaterCallsAreStillTried() throws Exception {
        List<Integer> tries = new ArrayList<>();
        Announcer.Speaker none = (pcm, format) -> {
            tries.add(pcm.length);
            throw new LineUnavailableException("no device (test)");
        };
        try (Announcer announcer = new Announcer(new CallAudio(clips), none)) {
            announcer.announce(new QueueNumber(QueueSeries.A, 1), "1");
            announcer.announce(new QueueNumber(QueueSeries.A, 2), "2");
            assertThat(announcer.drain(10_000)).isTrue();
            assertThat(announcer.silent()).isTrue();
        }
        assertThat(tries).hasSize(2);
    }

    private static double seconds(byte[] pcm) {
        return pcm.length / (double) Clips.FORMAT.getFrameSize() / Clips.FORMAT.getFrameRate();
    }

    private static double rms(byte[] pcm) {
        double sum = 0;
        int n = pcm.length / 2;
        for (int i = 0; i < n; i++) {
            short s = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
            sum += (double) s * s;
        }
        return Math.sqrt(sum / n);
    }
}
