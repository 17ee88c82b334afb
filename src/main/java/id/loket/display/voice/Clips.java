package id.loket.display.voice;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * The recorded clips shipped with Loket (this package's resources: {@code <word>.wav}, letters as
 * {@code a.wav} … {@code z.wav}, and {@code chime.wav}), read once each as PCM samples in
 * {@link #FORMAT}. They were made by {@code make-clips.sh} beside them.
 */
public final class Clips {

    /** Every clip's format, and so the format of an assembled call: 16 kHz, 16-bit signed little-endian, mono. */
    public static final AudioFormat FORMAT = new AudioFormat(16_000f, 16, 1, true, false);
    public static final String CHIME = "chime";

    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    /** The resource of a word's clip. */
    static String resource(String word) {
        return "/id/loket/display/voice/" + word.toLowerCase(Locale.ROOT) + ".wav";
    }

    /** Whether the word has a clip on the class path. */
    public static boolean has(String word) {
        return Clips.class.getResource(resource(word)) != null;
    }

    /** The clip's samples in {@link #FORMAT}; a missing or unreadable clip is a broken build. */
    public byte[] pcm(String word) {
        return loaded.computeIfAbsent(word.toLowerCase(Locale.ROOT), Clips::read);
    }

    private static byte[] read(String word) {
        InputStream in = Clips.class.getResourceAsStream(resource(word));
        if (in == null) {
            throw new IllegalStateException("no clip for \"" + word + "\" (" + resource(word) + ")");
        }
        try (AudioInputStream audio = AudioSystem.getAudioInputStream(new BufferedInputStream(in))) {
            AudioInputStream pcm = audio.getFormat().matches(FORMAT) ? audio : AudioSystem.getAudioInputStream(FORMAT, audio);
            return pcm.readAllBytes();
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalStateException("clip " + resource(word) + " is not a WAV file Java Sound reads", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
