package id.loket.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import id.loket.common.model.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesTest {

    private static final Properties INDONESIAN = load("i18n/messages.properties");
    private static final Properties ENGLISH = load("i18n/messages_en.properties");

    /** More arguments than any pattern uses; extra ones are ignored by MessageFormat. */
    private static final Object[] DUMMY_ARGS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    /** An apostrophe that is not part of a doubled {@code ''}: MessageFormat would eat it. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern ARGUMENT_INDEX = Pattern.compile("\\{(\\d+)");

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static Stream<Arguments> patterns() {
        return Stream.concat(
                new TreeSet<>(INDONESIAN.stringPropertyNames()).stream()
                        .map(k -> Arguments.of(Messages.INDONESIAN, k, INDONESIAN.getProperty(k))),
                new TreeSet<>(ENGLISH.stringPropertyNames()).stream()
                        .map(k -> Arguments.of(Messages.ENGLISH, k, ENGLISH.getProperty(k))));
    }

    static Stream<String> keys() {
        return new TreeSet<>(INDONESIAN.stringPropertyNames()).stream().filter(ENGLISH::containsKey);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static Set<String> argumentIndexes(String pattern) {
        Set<String> indexes = new TreeSet<>();
        Matcher m = ARGUMENT_INDEX.matcher(pattern);
        while (m.find()) {
            indexes.add(m.group(1));
        }
        return indexes;
    }

    @Test
    void bundlesAreNotEmpty() {
        assertThat(INDONESIAN).isNotEmpty();
        assertThat(ENGLISH).isNotEmpty();
    }

    @Test
    void everyIndonesianKeyHasAnEnglishText() {
        assertThat(ENGLISH.stringPropertyNames()).containsAll(INDONESIAN.stringPropertyNames());
    }

    @Test
    void everyEnglishKeyHasAnIndonesianText() {
        assertThat(INDONESIAN.stringPropertyNames()).containsAll(ENGLISH.stringPropertyNames());
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("patterns")
    void everyPatternFormatsWithDummyArguments(Locale locale, String key, String pattern) {
        assertThatCode(() -> new MessageFormat(pattern, locale).format(DUMMY_ARGS)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("patterns")
    void everyMessageRendersThroughMessages(Locale locale, String key) {
        Messages messages = new Messages(locale);
        assertThat(messages.has(key)).isTrue();
        assertThat(messages.get(key, DUMMY_ARGS)).isNotBlank().doesNotStartWith("!");
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("patterns")
    void noPatternHasALoneApostrophe(Locale locale, String key, String pattern) {
        assertThat(LONE_APOSTROPHE.matcher(pattern).find())
                .as("%s %s has a single ' that MessageFormat would eat; write ''", locale, key)
                .isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("patterns")
    void formattingKeepsEveryApostropheAndLeavesNoBrace(Locale locale, String key, String pattern) {
        String out = new MessageFormat(pattern, locale).format(DUMMY_ARGS);
        assertThat(out).doesNotContain("{").doesNotContain("}");
        assertThat(count(out, "'")).as("apostrophes in \"%s\"", out).isEqualTo(count(pattern, "''"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("keys")
    void bothLanguagesUseTheSameArguments(String key) {
        assertThat(argumentIndexes(ENGLISH.getProperty(key))).isEqualTo(argumentIndexes(INDONESIAN.getProperty(key)));
    }

    @Test
    void doubledApostropheRendersAsOne() {
        assertThat(Messages.forLanguage("en").get("queue.title")).isEqualTo("Today's queue");
    }

    @Test
    void nonAsciiTextIsReadAsUtf8() {
        assertThat(Messages.forLanguage("id").get("status.central.unknown")).isEqualTo("Memeriksa pusat…");
        assertThat(Messages.forLanguage("en").get("app.title", "DPS")).isEqualTo("Loket — DPS");
    }

    @Test
    void englishIsChosenByEn() {
        assertThat(Messages.forLanguage("en").get("login.refused")).isEqualTo("Wrong user name or password.");
        assertThat(Messages.forLanguage("en").language()).isEqualTo("en");
    }

    @Test
    void languageCodeIsCaseInsensitive() {
        assertThat(Messages.forLanguage("EN").get("login.refused")).isEqualTo("Wrong user name or password.");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"id", "", "fr", "in"})
    void indonesianIsTheDefault(String language) {
        Messages messages = Messages.forLanguage(language);
        assertThat(messages.get("login.refused")).isEqualTo("Nama pengguna atau kata sandi salah.");
        assertThat(messages.language()).isEqualTo("id");
    }

    @Test
    void unknownKeyRendersMarked() {
        assertThat(Messages.forLanguage("en").get("no.such.key")).isEqualTo("!no.such.key!");
        assertThat(Messages.forLanguage("id").get("no.such.key", 1, 2)).isEqualTo("!no.such.key!");
        assertThat(Messages.forLanguage("id").has("no.such.key")).isFalse();
    }

    @Test
    void argumentsAreFilledIn() {
        assertThat(Messages.forLanguage("en").get("queue.count.filtered", 12, 1250))
                .isEqualTo("12 of 1250 lines");
    }

    @Test
    void userFacingExceptionIsRenderedFromItsKeyAndArguments() {
        UserFacingException e = new UserFacingException("nik.invalid.province", "************0001");
        assertThat(Messages.forLanguage("en").of(e)).isEqualTo("The NIK's province code is unknown (************0001).");
        assertThat(Messages.forLanguage("id").of(e)).isEqualTo("Kode provinsi pada NIK tidak dikenal (************0001).");
    }
}
