package id.loket.display.voice;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.casefile.model.QueueNumber;
import id.loket.casefile.model.QueueSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The words spoken for a call, for every series, number 1–999 and counter 1–20, and a clip for every one of them. */
class CallSentenceTest {

    private static final List<String> DIGITS = List.of("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan");

    @Test
    void aCallIsNumberDigitByDigitThenTheCounter() {
        assertThat(CallSentence.words(new QueueNumber(QueueSeries.A, 7), "3"))
                .containsExactly("nomor", "antrean", "A", "nol", "nol", "tujuh", ",", "silakan", "ke", "loket", "tiga");
        assertThat(CallSentence.text(CallSentence.words(new QueueNumber(QueueSeries.A, 7), "3")))
                .isEqualTo("nomor antrean A nol nol tujuh, silakan ke loket tiga");
    }

    @Test
    void countersOneToTwentyAreSaidAsNumbers() {
        Map<Integer, List<String>> expected = Map.ofEntries(
                Map.entry(1, List.of("satu")), Map.entry(2, List.of("dua")), Map.entry(3, List.of("tiga")), Map.entry(4, List.of("empat")),
                Map.entry(5, List.of("lima")), Map.entry(6, List.of("enam")), Map.entry(7, List.of("tujuh")), Map.entry(8, List.of("delapan")),
                Map.entry(9, List.of("sembilan")), Map.entry(10, List.of("sepuluh")), Map.entry(11, List.of("sebelas")),
                Map.entry(12, List.of("dua", "belas")), Map.entry(13, List.of("tiga", "belas")), Map.entry(14, List.of("empat", "belas")),
                Map.entry(15, List.of("lima", "belas")), Map.entry(16, List.of("enam", "belas")), Map.entry(17, List.of("tujuh", "belas")),
                Map.entry(18, List.of("delapan", "belas")), Map.entry(19, List.of("sembilan", "belas")), Map.entry(20, List.of("dua", "puluh")));
        for (int c = 1; c <= 20; c++) {
            assertThat(CallSentence.counter(Integer.toString(c))).as("counter " + c).isEqualTo(expected.get(c));
        }
        assertThat(CallSentence.counter("21")).containsExactly("dua", "puluh", "satu");
        assertThat(CallSentence.counter("03")).containsExactly("tiga");
    }

    @Test
    void aCounterThatIsNotANumberIsSpelled() {
        assertThat(CallSentence.counter("2B")).containsExactly("dua", "B");
        assertThat(CallSentence.counter("S")).containsExactly("S");
        assertThat(CallSentence.counter("100")).containsExactly("satu", "nol", "nol");
    }

    @Test
    void everySeriesNumberAndCounterIsSaidAsItIsWrittenAndEveryWordHasAClip() {
        TreeSet<String> used = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (QueueSeries s : QueueSeries.values()) {
            for (int n = 1; n <= 999; n++) {
                for (int c = 1; c <= 20; c++) {
                    List<String> w = CallSentence.words(new QueueNumber(s, n), Integer.toString(c));
                    String digits = String.format("%03d", n);
                    List<String> expected = new ArrayList<>(List.of("nomor", "antrean", s.name()));
                    for (char d : digits.toCharArray()) {
                        expected.add(DIGITS.get(d - '0'));
                    }
                    expected.addAll(List.of(",", "silakan", "ke", "loket"));
                    expected.addAll(CallSentence.counter(Integer.toString(c)));
                    if (!w.equals(expected)) {
                        wrong.add(s + "-" + n + " at " + c + ": " + w);
                    }
                    used.addAll(w);
                }
            }
        }
        assertThat(wrong).isEmpty();
        used.remove(CallSentence.COMMA);
        assertThat(used).allSatisfy(word -> assertThat(Clips.has(word)).as("clip for \"" + word + "\"").isTrue());
        assertThat(Clips.has(Clips.CHIME)).isTrue();
        for (char letter = 'A'; letter <= 'Z'; letter++) {
            assertThat(Clips.has(String.valueOf(letter))).as("clip for the letter " + letter).isTrue();
        }
    }

    @Test
    void everyClipIsSixteenKilohertzSixteenBitMono() throws Exception {
        for (String word : List.of("nomor", "antrean", "silakan", "ke", "loket", "nol", "sebelas", "belas", "puluh", "a", "z", Clips.CHIME)) {
            try (var in = javax.sound.sampled.AudioSystem.getAudioInputStream(
                    new java.io.BufferedInputStream(Clips.class.getResourceAsStream(Clips.resource(word))))) {
                assertThat(in.getFormat().matches(Clips.FORMAT)).as(word + ": " + in.getFormat()).isTrue();
            }
        }
    }
}
