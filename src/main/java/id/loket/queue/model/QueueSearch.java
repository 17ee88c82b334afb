package id.loket.queue.model;

import java.util.List;
import java.util.Objects;

/**
 * The day's lines ready for the as-you-type search: each line's name, code and NIK normalised
 * once (when the day is loaded), so that a keystroke costs one {@code contains} per word and line
 * and no normalising. Built from the lines in their order; {@link #find} answers by that index.
 */
public final class QueueSearch {

    public static final QueueSearch EMPTY = new QueueSearch(List.of());

    private final List<QueueEntry> entries;
    private final Key[] keys;

    public QueueSearch(List<QueueEntry> entries) {
        this.entries = List.copyOf(entries);
        this.keys = new Key[this.entries.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Key.of(this.entries.get(i));
        }
    }

    private QueueSearch(List<QueueEntry> entries, Key[] keys) {
        this.entries = entries;
        this.keys = keys;
    }

    /** These lines with the ones at the given indexes replaced: only those are normalised again. */
    public QueueSearch replaced(java.util.Map<Integer, QueueEntry> lines) {
        List<QueueEntry> next = new java.util.ArrayList<>(entries);
        Key[] nextKeys = keys.clone();
        lines.forEach((index, e) -> {
            next.set(index, e);
            nextKeys[index] = Key.of(e);
        });
        return new QueueSearch(List.copyOf(next), nextKeys);
    }

    public int size() {
        return keys.length;
    }

    public QueueEntry entry(int index) {
        return entries.get(index);
    }

    /**
     * The lines the {@code view} shows that {@code filter} matches, in one pass; the line whose
     * booking code (or walk-in reference) is the whole query is known as the exact hit.
     */
    public Found find(QueueFilter filter, QueueView view) {
        boolean[] shown = new boolean[keys.length];
        int count = 0;
        int exact = -1;
        String single = filter.singleWord();
        boolean all = view == QueueView.ALL;
        boolean everything = filter.isEmpty();
        for (int i = 0; i < keys.length; i++) {
            if ((all || view.includes(entries.get(i))) && (everything || filter.matches(keys[i]))) {
                shown[i] = true;
                count++;
                if (exact < 0 && single != null && keys[i].isCode(single)) {
                    exact = i;
                }
            }
        }
        return new Found(shown, count, exact);
    }

    /** What a search found: which lines (by index), how many, and the exact booking-code hit. */
    public static final class Found {
        private final boolean[] shown;
        private final int count;
        private final int exact;

        Found(boolean[] shown, int count, int exact) {
            this.shown = shown;
            this.count = count;
            this.exact = exact;
        }

        /** How many lines were searched. */
        public int size() {
            return shown.length;
        }

        public boolean includes(int index) {
            return shown[index];
        }

        public int count() {
            return count;
        }

        /** The index of the line whose booking code (or walk-in reference) is the query, or -1. */
        public int exact() {
            return exact;
        }

        /** The indexes found, the exact booking-code hit first, then in the lines' order. */
        public int[] indexes() {
            int[] out = new int[count];
            int n = 0;
            if (exact >= 0) {
                out[n++] = exact;
            }
            for (int i = 0; i < shown.length; i++) {
                if (shown[i] && i != exact) {
                    out[n++] = i;
                }
            }
            return out;
        }
    }

    /**
     * One line normalised for the search: name, code and NIK in one string with a separator
     * between them (a word that holds no separator is in the string exactly when it is in one of
     * the three), and the queue number, matched whole.
     */
    record Key(String text, int nameEnd, int codeEnd, String number) {

        /** Between the fields; a control character no typed word holds (and if one does, the fields are searched one by one). */
        static final char SEPARATOR = '\u0001';

        static Key of(QueueEntry e) {
            String name = QueueFilter.normalize(Objects.toString(e.fullName(), ""));
            String code = QueueFilter.normalize(Objects.toString(e.code(), ""));
            String nik = Objects.toString(e.nik(), "");
            String number = e.queueNumber() == null ? "" : QueueFilter.normalize(e.queueNumber().toString());
            String text = name + SEPARATOR + code + SEPARATOR + nik;
            return new Key(text, name.length(), name.length() + 1 + code.length(), number);
        }

        /** Whether the word is in the name, the code or the NIK. */
        boolean contains(String word) {
            if (word.indexOf(SEPARATOR) < 0) {
                return text.contains(word);
            }
            return text.substring(0, nameEnd).contains(word) || text.substring(nameEnd + 1, codeEnd).contains(word)
                    || text.substring(codeEnd + 1).contains(word);
        }

        /** Whether the word is the whole code. */
        boolean isCode(String word) {
            return word.length() == codeEnd - nameEnd - 1 && text.startsWith(word, nameEnd + 1);
        }
    }
}
