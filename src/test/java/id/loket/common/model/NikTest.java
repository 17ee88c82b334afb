package id.loket.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.loket.common.model.Sex;
import id.loket.common.i18n.Messages;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class NikTest {

    /** A fixed "today" so that the century rule gives the same answer every year. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static final String DENPASAR_MAN = "5171011708900001";
    private static final String DENPASAR_WOMAN = "5171015708900002";

    /** Well-formed NIKs with the birth date (as of {@link #TODAY}) and sex they encode. */
    static Stream<Arguments> validNiks() {
        return Stream.of(
                Arguments.of(DENPASAR_MAN, "1990-08-17", Sex.M),
                Arguments.of(DENPASAR_WOMAN, "1990-08-17", Sex.F),
                // women's day + 40 at both ends of the month
                Arguments.of("5171014101010003", "2001-01-01", Sex.F),
                Arguments.of("5171017112990004", "1999-12-31", Sex.F),
                Arguments.of("5171013112990005", "1999-12-31", Sex.M),
                // every edge of the province code ranges
                Arguments.of("1101010101850001", "1985-01-01", Sex.M),
                Arguments.of("1901010101850001", "1985-01-01", Sex.M),
                Arguments.of("2101010101850001", "1985-01-01", Sex.M),
                Arguments.of("3101010101850001", "1985-01-01", Sex.M),
                Arguments.of("3601010101850001", "1985-01-01", Sex.M),
                Arguments.of("5101010101850001", "1985-01-01", Sex.M),
                Arguments.of("5301010101850001", "1985-01-01", Sex.M),
                Arguments.of("6101010101850001", "1985-01-01", Sex.M),
                Arguments.of("6501010101850001", "1985-01-01", Sex.M),
                Arguments.of("7101010101850001", "1985-01-01", Sex.M),
                Arguments.of("7601010101850001", "1985-01-01", Sex.M),
                Arguments.of("8101010101850001", "1985-01-01", Sex.M),
                Arguments.of("8201010101850001", "1985-01-01", Sex.M),
                Arguments.of("9101010101850001", "1985-01-01", Sex.M),
                Arguments.of("9601010101850001", "1985-01-01", Sex.M),
                // 29 February in leap years: 2000 (although 1900 was not) and 2004
                Arguments.of("5171012902000006", "2000-02-29", Sex.M),
                Arguments.of("5171016902040007", "2004-02-29", Sex.F),
                // highest serial
                Arguments.of("5171011708909999", "1990-08-17", Sex.M));
    }

    @ParameterizedTest
    @MethodSource("validNiks")
    void wellFormedNikHasNoProblem(String text) {
        assertThat(Nik.check(text)).isNull();
        assertThat(Nik.isValid(text)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("validNiks")
    void parsedNikKeepsItsDigits(String text) {
        assertThat(Nik.parse(text).digits()).isEqualTo(text);
    }

    @ParameterizedTest
    @MethodSource("validNiks")
    void birthDateIsReadFromTheDatePart(String text, String birthDate) {
        assertThat(Nik.parse(text).birthDate(TODAY)).isEqualTo(LocalDate.parse(birthDate));
    }

    @ParameterizedTest
    @MethodSource("validNiks")
    void sexIsFemaleWhenTheDayIsAbove40(String text, String birthDate, Sex sex) {
        assertThat(Nik.parse(text).sex()).isEqualTo(sex);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(textBlock = """
            ,                  EMPTY
            '',                EMPTY
            517101170890001,   LENGTH
            51710117089000011, LENGTH
            517101170890000A,  NOT_DIGITS
            5171011708900O01,  NOT_DIGITS
            '5171011708 90001', NOT_DIGITS
            ' 171011708900001', NOT_DIGITS
            1071011708900001,  PROVINCE
            2071011708900001,  PROVINCE
            2271011708900001,  PROVINCE
            3071011708900001,  PROVINCE
            3771011708900001,  PROVINCE
            5071011708900001,  PROVINCE
            5471011708900001,  PROVINCE
            6671011708900001,  PROVINCE
            7771011708900001,  PROVINCE
            8371011708900001,  PROVINCE
            9071011708900001,  PROVINCE
            9771011708900001,  PROVINCE
            9971011708900001,  PROVINCE
            0071011708900001,  PROVINCE
            5171010008900001,  DATE
            5171013208900001,  DATE
            5171014008900001,  DATE
            5171017208900001,  DATE
            5171011700900001,  DATE
            5171011713900001,  DATE
            5171013104900001,  DATE
            5171017104900001,  DATE
            5171013002900001,  DATE
            5171012902010001,  DATE
            5171016902010001,  DATE
            5171011708900000,  SERIAL
            """)
    void malformedNikIsRefusedWithItsProblem(String text, Nik.Problem problem) {
        assertThat(Nik.check(text)).isEqualTo(problem);
        assertThat(Nik.isValid(text)).isFalse();
        assertThat(Nik.tryParse(text)).isEmpty();
        InvalidNikException e = catchThrowableOfType(InvalidNikException.class, () -> Nik.parse(text));
        assertThat(e).isNotNull();
        assertThat(e.problem()).isEqualTo(problem);
    }

    @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
    @CsvSource(textBlock = """
            5171011708900001, 2026-11-27, 1990-08-17
            5171010101260001, 2026-11-27, 2026-01-01
            5171012711260001, 2026-11-27, 2026-11-27
            5171013112260001, 2026-11-27, 1926-12-31
            5171010101270001, 2026-11-27, 1927-01-01
            5171010101990001, 2026-11-27, 1999-01-01
            5171010101000001, 2026-11-27, 2000-01-01
            5171012902000001, 2026-11-27, 2000-02-29
            5171010101250001, 2025-01-01, 2025-01-01
            5171010201250001, 2025-01-01, 1925-01-02
            """)
    void twoDigitYearIsTheLatestYearNotAfterToday(String text, LocalDate today, LocalDate expected) {
        assertThat(Nik.parse(text).birthDate(today)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} vs {1} {2} -> {3}")
    @CsvSource(textBlock = """
            5171011708900001, 1990-08-17, M, true
            5171015708900002, 1990-08-17, F, true
            5171011708900001, 1990-08-18, M, false
            5171011708900001, 1990-09-17, M, false
            5171011708900001, 1991-08-17, M, false
            5171011708900001, 1990-08-17, F, false
            5171015708900002, 1990-08-17, M, false
            5171015708900002, 1990-08-16, F, false
            5171016902040007, 2004-02-29, F, true
            """)
    void agreesWithBookingOnlyWhenBirthDateAndSexMatch(String text, LocalDate birthDate, Sex sex, boolean agrees) {
        assertThat(Nik.parse(text).agreesWith(birthDate, sex)).isEqualTo(agrees);
    }

    @Test
    void maskShowsOnlyTheLastFourDigits() {
        assertThat(Nik.mask("5171011708901234")).isEqualTo("************1234");
    }

    @Test
    void maskedNikShowsOnlyTheLastFourDigits() {
        assertThat(Nik.parse("5171011708901234").masked()).isEqualTo("************1234");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(textBlock = """
            ,                   ''
            '',                 ''
            123,                ***
            1234,               ****
            51710117089000011,  ************0011
            51710117089000011123456789,  ************6789
            """)
    void maskHidesAllButTheLastFourOfAnyTextWithAtMostTwelveStars(String text, String expected) {
        assertThat(Nik.mask(text)).isEqualTo(expected);
    }

    @Test
    void toStringIsMaskedAndNeverTheFullNik() {
        Nik nik = Nik.parse(DENPASAR_MAN);
        assertThat(nik.toString()).isEqualTo("************0001").doesNotContain(DENPASAR_MAN);
        assertThat(String.valueOf(nik)).doesNotContain("51710117");
    }

    @Test
    void nikIsEqualToANikWithTheSameDigits() {
        assertThat(Nik.parse(DENPASAR_MAN)).isEqualTo(Nik.parse(DENPASAR_MAN))
                .hasSameHashCodeAs(Nik.parse(DENPASAR_MAN))
                .isNotEqualTo(Nik.parse(DENPASAR_WOMAN));
    }

    @Test
    void provinceCodeIsTheFirstTwoDigits() {
        assertThat(Nik.parse(DENPASAR_MAN).provinceCode()).isEqualTo(51);
    }

    @Test
    void thereAre38ProvinceCodes() {
        assertThat(Nik.PROVINCE_CODES).hasSize(38);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(textBlock = """
            '',                EMPTY,      nik.invalid.empty
            51710117089000011, LENGTH,     nik.invalid.length
            517101170890000A,  NOT_DIGITS, nik.invalid.not_digits
            1071011708900001,  PROVINCE,   nik.invalid.province
            5171013002900001,  DATE,       nik.invalid.date
            5171011708900000,  SERIAL,     nik.invalid.serial
            """)
    void invalidNikExceptionCarriesTheProblemsMessageKey(String text, Nik.Problem problem, String key) {
        InvalidNikException e = catchThrowableOfType(InvalidNikException.class, () -> Nik.parse(text));
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.key()).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            51710117089000011
            5171011708900000
            5171013002900001
            1071011708900001
            517101170890000A
            517101170890001
            """)
    void invalidNikExceptionNeverCarriesTheFullText(String text) {
        InvalidNikException e = catchThrowableOfType(InvalidNikException.class, () -> Nik.parse(text));
        String firstTwelve = text.substring(0, 12);
        assertThat(e.args()).containsExactly(Nik.mask(text));
        assertThat(Arrays.toString(e.args())).doesNotContain(text).doesNotContain(firstTwelve);
        assertThat(e.getMessage()).doesNotContain(text).doesNotContain(firstTwelve);
    }

    @ParameterizedTest
    @EnumSource(Nik.Problem.class)
    void everyProblemHasAMessageInBothLanguages(Nik.Problem problem) {
        String key = "nik.invalid." + problem.name().toLowerCase(Locale.ROOT);
        assertThat(Messages.forLanguage("id").has(key)).as("id: %s", key).isTrue();
        assertThat(Messages.forLanguage("en").has(key)).as("en: %s", key).isTrue();
    }
}
