package id.loket.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Officers read the Indonesian texts all day: both bundles have the same keys, and no Indonesian
 * value is left in English. The bundles are read as they are when the test runs, so keys added
 * later by anyone are checked too.
 */
class IndonesianWordsTest {

    /** Common English words (and English desk jargon) that have no place in an Indonesian text. */
    static final Set<String> ENGLISH = Set.of("the", "and", "of", "is", "are", "with", "for", "from", "this", "that", "please",
            "booking", "bookings", "walk-in", "walkin", "check-in", "checkin", "billing", "code", "pending", "case", "print", "save",
            "close", "cancel", "open", "queue", "desk", "receipt", "preview", "settings", "backlog", "outbox", "sync", "error",
            "warning", "conflict", "conflicts", "done", "ready", "failed", "login", "logout", "username", "online", "offline",
            "report", "reports", "search", "next", "back", "update", "delete", "edit", "payment", "unpaid", "paid", "appointment");

    /**
     * Words kept on purpose: names of documents and systems the office itself uses (e-KTP, NIK,
     * NTPN, QR, PDF, SIMPONI).
     */
    static final Set<String> ALLOWED = Set.of("e-ktp", "nik", "pdf", "ntpn", "qr", "simponi");

    /** What is not prose: arguments, command-line options, commands, codes in capitals, file names and keys. */
    private static final Pattern NOT_PROSE = Pattern.compile("\\{[^}]*}|--[a-z-]+|\\bloket [a-z-]+( [a-z-]+)?|\\b[A-Z_]{2,}\\b"
            + "|\\S*[./_:]\\S*[A-Za-z]\\S*|\"[a-z-]+(, [a-z-]+)*\"");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+(-[A-Za-z]+)*");

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = IndonesianWordsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(reader);
            }
        }
        return p;
    }

    /** The English words of {@code value} (outside arguments, options, commands and codes). */
    static List<String> englishWords(String value) {
        Matcher m = WORD.matcher(NOT_PROSE.matcher(value).replaceAll(" "));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (ENGLISH.contains(w) && !ALLOWED.contains(w)) {
                found.add(m.group());
            }
        }
        return found;
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Set<String> id = new TreeSet<>(load("i18n/messages.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("i18n/messages_en.properties").stringPropertyNames());
        Set<String> onlyId = new TreeSet<>(id);
        onlyId.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(id);
        assertThat(onlyId).as("keys only in messages.properties").isEmpty();
        assertThat(onlyEn).as("keys only in messages_en.properties").isEmpty();
    }

    @Test
    void noIndonesianTextIsLeftInEnglish() throws IOException {
        Properties id = load("i18n/messages.properties");
        List<String> english = new ArrayList<>();
        for (String key : new TreeSet<>(id.stringPropertyNames())) {
            List<String> words = englishWords(id.getProperty(key));
            if (!words.isEmpty()) {
                english.add(key + " " + words + ": " + id.getProperty(key));
            }
        }
        assertThat(english).as("Indonesian texts with English words").isEmpty();
    }

    @Test
    void theCheckFindsEnglishAndLeavesCommandsAndAllowedWordsAlone() {
        assertThat(englishWords("Kode booking, NIK atau nama")).containsExactly("booking");
        assertThat(englishWords("Walk-in")).containsExactly("Walk-in");
        assertThat(englishWords("Print the receipt")).contains("Print", "the", "receipt");
        assertThat(englishWords("Sebutkan kasusnya dengan --case REF.")).isEmpty();
        assertThat(englishWords("misalnya: loket report daily-summary --date {0}")).isEmpty();
        assertThat(englishWords("Pindai e-KTP atau kode QR, lalu simpan PDF; NTPN {0}")).isEmpty();
        assertThat(englishWords("Folder laporan reports.dir \"{0}\"")).isEmpty();
    }
}
