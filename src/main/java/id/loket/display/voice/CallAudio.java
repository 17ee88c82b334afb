package id.loket.display.voice;

import id.loket.casefile.model.QueueNumber;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Assembles the sound of one call: the chime, a pause, then the clips of {@link CallSentence}'s
 * words with a short gap between words and a longer one at the comma. The player plays exactly
 * these samples; {@link #writeWav} writes the same samples to a file (the tests listen there).
 */
public final class CallAudio {

    /** Silence after the chime, between words, and at the comma. */
    public static final int AFTER_CHIME_MS = 300;
    public static final int BETWEEN_WORDS_MS = 60;
    public static final int COMMA_MS = 350;

    private final Clips clips;

    public CallAudio(Clips clips) {
        this.clips = clips;
    }

    /** The samples of the call, in {@link Clips#FORMAT}. */
    public byte[] pcm(QueueNumber number, String counter) {
        return pcm(CallSentence.words(number, counter));
    }

    /** The samples of the chime and these words. */
    public byte[] pcm(List<String> words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        out.writeBytes(clips.pcm(Clips.CHIME));
        out.writeBytes(silence(AFTER_CHIME_MS));
        boolean first = true;
        for (String w : words) {
            if (w.equals(CallSentence.COMMA)) {
                out.writeBytes(silence(COMMA_MS));
                first = true;
                continue;
            }
            if (!first) {
                out.writeBytes(silence(BETWEEN_WORDS_MS));
            }
            out.writeBytes(clips.pcm(w));
            first = false;
        }
        return out.toByteArray();
    }

    /** The call as a WAV file (the same samples the player plays). */
    public void writeWav(QueueNumber number, String counter, OutputStream out) throws IOException {
        byte[] pcm = pcm(number, counter);
        int frame = Clips.FORMAT.getFrameSize();
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), Clips.FORMAT, pcm.length / frame)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        }
    }

    /** {@code ms} of silence in {@link Clips#FORMAT}. */
    static byte[] silence(int ms) {
        int frames = Math.round(Clips.FORMAT.getFrameRate() * ms / 1000f);
        return new byte[frames * Clips.FORMAT.getFrameSize()];
    }
}
