package id.loket.queue.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The queue's as-you-type search: by booking code (or walk-in reference), NIK, name or queue
 * number ({@code a-007}, {@code A007}). Case, accents and the
 * punctuation inside names are ignored, so "maruf" finds "Ma'ruf" and "andre" finds "André";
 * every word typed must match.
 * <p>
 * The query is normalised once, here; the lines' side is normalised once per reload of the day
 * by {@link QueueSearch}, so that a keystroke is a pass of {@code contains} over ready strings.
 * {@link #matches(QueueEntry)} normalises the line each time: for a few lines, not the day.
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
        return matches(QueueSearch.Key.of(entry));
    }

    /**
     * Whether every word is in the line's name, code or NIK, or is its queue number: the one
     * rule, on the line's search key normalised beforehand.
     */
    boolean matches(QueueSearch.Key key) {
        for (String w : words) {
            if (!key.contains(w) && !key.number().equals(w)) {
                return false;
            }
        }
        return true;
    }

    /** The one word typed when it may be a whole booking code or walk-in reference, or null. */
    String singleWord() {
        return words.length == 1 ? words[0] : null;
    }

    /** Lower case, accents removed, apostrophes, dots and hyphens dropped. */
    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return NAME_PUNCTUATION.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
