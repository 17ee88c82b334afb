package id.loket.display.voice;

import id.loket.casefile.model.QueueNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words spoken for a call, each the name of a recorded clip: "nomor antrean A nol nol tujuh,
 * silakan ke loket tiga" for A-007 at counter 3.
 *
 * <p>The queue number is said digit by digit, always three ("nol nol tujuh"), as it is printed on
 * the ticket. The counter is said as a number, the way people in the hall name it: 1–10 "satu" …
 * "sepuluh", 11 "sebelas", 12–19 "dua belas" … "sembilan belas", 20 "dua puluh", up to 99 ("dua
 * puluh satu", "sembilan puluh sembilan"). A counter that is not such a number (e.g. "2B", "S",
 * "100") is spelled: digits by their names, letters by theirs; other characters are not spoken.
 */
public final class CallSentence {

    /** The pause the player makes at the comma: after the number, before "silakan". */
    public static final String COMMA = ",";

    static final String[] DIGITS = {"nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"};

    private CallSentence() {
    }

    /** The words of the call, with {@link #COMMA} where the sentence breaks. */
    public static List<String> words(QueueNumber number, String counter) {
        List<String> w = new ArrayList<>(List.of("nomor", "antrean", number.series().name()));
        String digits = String.format(Locale.ROOT, "%03d", number.number());
        for (char c : digits.toCharArray()) {
            w.add(DIGITS[c - '0']);
        }
        w.add(COMMA);
        w.addAll(List.of("silakan", "ke", "loket"));
        w.addAll(counter(counter));
        return w;
    }

    /** The words of a counter: a number 1–99 as a number, anything else spelled. */
    public static List<String> counter(String counter) {
        String c = counter == null ? "" : counter.strip();
        if (c.matches("0*[1-9]\\d?") && Integer.parseInt(c) <= 99) {
            return number(Integer.parseInt(c));
        }
        List<String> w = new ArrayList<>();
        for (char ch : c.toCharArray()) {
            if (ch >= '0' && ch <= '9') {
                w.add(DIGITS[ch - '0']);
            } else if (Character.isLetter(ch) && ch < 128) {
                w.add(String.valueOf(Character.toUpperCase(ch)));
            }
        }
        return w;
    }

    /** 1–99 in words: "tiga", "sepuluh", "sebelas", "dua belas", "dua puluh", "dua puluh satu". */
    public static List<String> number(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("1-99: " + n);
        }
        if (n < 10) {
            return List.of(DIGITS[n]);
        }
        if (n == 10) {
            return List.of("sepuluh");
        }
        if (n == 11) {
            return List.of("sebelas");
        }
        if (n < 20) {
            return List.of(DIGITS[n - 10], "belas");
        }
        List<String> w = new ArrayList<>(List.of(DIGITS[n / 10], "puluh"));
        if (n % 10 != 0) {
            w.add(DIGITS[n % 10]);
        }
        return w;
    }

    /** The words as one line, e.g. for the log: "nomor antrean A nol nol tujuh, silakan ke loket tiga". */
    public static String text(List<String> words) {
        return String.join(" ", words).replace(" ,", ",");
    }
}
