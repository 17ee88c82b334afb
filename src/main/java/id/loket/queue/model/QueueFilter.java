package id.loket.queue.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The queue's as-you-type search: by booking code (or walk-in reference), NIK, name or queue
 * number ({@code a-007}, {@code A007}). Case, accents and the
 * punctuation inside names are ignored, so "maruf" finds "Ma'ruf" and "andre" finds "André";
 * every word typed must match.
 */
public final class QueueFilter {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NAME_PUNCTUATION = Pattern.compile("['’‘ʼ`.\\-]");

    private final String[] words;

    public QueueFilter(String query) {
        String q = query == null ? "" : normalize(query).replace('\u00A0', ' ').strip();
        this.words = q.isEmpty() ? new String[0] : q.split("\\s+");
    }

    public boolean isEmpty() {
        return words.length == 0;
    }

    public boolean matches(QueueEntry entry) {
        if (words.length == 0) {
            return true;
        }
        String name = normalize(entry.fullName());
        String code = normalize(entry.code());
        String nik = entry.nik();
        String number = entry.queueNumber() == null ? "" : normalize(entry.queueNumber().toString());
        for (String w : words) {
            if (!name.contains(w) && !code.contains(w) && !nik.contains(w) && !number.equals(w)) {
                return false;
            }
        }
        return true;
    }

    /** Lower case, accents removed, apostrophes, dots and hyphens dropped. */
    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return NAME_PUNCTUATION.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
