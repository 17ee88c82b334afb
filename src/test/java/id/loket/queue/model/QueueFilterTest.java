package id.loket.queue.model;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Applicant;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.Payment;
import id.loket.appointment.model.PaymentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueueFilterTest {

    private static final String CODE = "DPSK7Q9M2X";
    private static final String NIK = "5171011708900001";

    private static QueueEntry entry(String bookingCode, String nik, String fullName) {
        Applicant applicant = new Applicant(nik, fullName, LocalDate.of(1990, 8, 17), "Denpasar", Sex.M, false,
                null, null, null, List.of());
        Payment payment = new Payment("820261127000001", 650_000L, PaymentStatus.PAID, null, null);
        Appointment appointment = new Appointment("6f1c2a4e-3b5d-4c7e-9f10-2a3b4c5d6e7f", 1, bookingCode, "DPS",
                LocalDate.of(2026, 11, 27), "08:00", "08:30", AppointmentStatus.BOOKED, null, ServiceType.NEW,
                PassportType.ELECTRONIC, 10, false, applicant, payment, null);
        return new QueueEntry(appointment);
    }

    private static QueueEntry named(String fullName) {
        return entry(CODE, NIK, fullName);
    }

    private static boolean matches(String query, QueueEntry entry) {
        return new QueueFilter(query).matches(entry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DPSK7Q9M2X", "dpsk7q9m2x", "K7Q9", "k7q9", "m2X", "dps"})
    void findsByBookingCodeSubstringIgnoringCase(String query) {
        assertThat(matches(query, named("Sukarno"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5171011708900001", "51710117", "17089", "0001"})
    void findsByNikSubstring(String query) {
        assertThat(matches(query, named("Sukarno"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DPSK7Q9M2Y", "5171011708900002", "budi"})
    void doesNotFindWhatIsInNoField(String query) {
        assertThat(matches(query, named("Sukarno"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sukarno", "SUKARNO", "SuKaRnO", "karno", "Suk"})
    void findsOneWordNameIgnoringCase(String query) {
        assertThat(matches(query, named("Sukarno"))).isTrue();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" finds \"{1}\"")
    @CsvSource(quoteCharacter = '"', textBlock = """
            andre,   André Wijaya
            ANDRE,   André Wijaya
            andré,   André Wijaya
            andre,   "Andre\u0301 Wijaya"
            andré,   Andre Wijaya
            zoe,     Zoë
            zoë,     Zoe
            ZOË,     Zoë
            nyoman,  Ñyoman Sudarsana
            sri,     Śrī Wahyuni
            """)
    void findsNameIgnoringAccents(String query, String fullName) {
        assertThat(matches(query, named(fullName))).isTrue();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" finds \"{1}\"")
    @CsvSource(quoteCharacter = '"', textBlock = """
            maruf,    Ma'ruf Amin
            ma'ruf,   Ma'ruf Amin
            MA'RUF,   Ma'ruf Amin
            ma’ruf,   Ma'ruf Amin
            maruf,    Ma’ruf Amin
            ma'ruf,   Ma’ruf Amin
            maruf,    Ma`ruf Amin
            """)
    void findsNameIgnoringApostrophes(String query, String fullName) {
        assertThat(matches(query, named(fullName))).isTrue();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" finds \"{1}\"")
    @CsvSource(quoteCharacter = '"', textBlock = """
            alfarisi,   Ahmad Al-Farisi
            al-farisi,  Ahmad Al-Farisi
            al farisi,  Ahmad Al-Farisi
            farisi,     Ahmad Al-Farisi
            muh rizal,  Muh. Rizal
            muh. rizal, Muh. Rizal
            """)
    void findsNameIgnoringHyphensAndDots(String query, String fullName) {
        assertThat(matches(query, named(fullName))).isTrue();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(textBlock = """
            wayan sastra,       true
            sastra wayan,       true
            i wayan sastrawan,  true
            'WAYAN   SASTRA',   true
            wayan budi,         false
            budi wayan,         false
            wayan sastra ketut, false
            """)
    void everyWordTypedMustMatch(String query, boolean expected) {
        assertThat(matches(query, named("I Wayan Sastrawan"))).isEqualTo(expected);
    }

    @Test
    void wordsMayMatchDifferentFields() {
        assertThat(matches("sastra k7q9 0001", named("I Wayan Sastrawan"))).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "   ", "\t", " \n "})
    void emptyOrBlankQueryMatchesEveryEntry(String query) {
        QueueFilter filter = new QueueFilter(query);
        assertThat(filter.isEmpty()).isTrue();
        assertThat(filter.matches(named("Sukarno"))).isTrue();
        assertThat(filter.matches(entry("DPSAAAAAAA", "1101010101850001", "Ni Luh Putu Ayu"))).isTrue();
    }

    @Test
    void queryWithWordsIsNotEmpty() {
        assertThat(new QueueFilter(" wayan ").isEmpty()).isFalse();
    }

    @Test
    void longNameWithDiacriticsIsFoundByAWordFromItsEnd() {
        String last = " Kusumadèwi";
        StringBuilder name = new StringBuilder("Ni Luh Putu");
        while (name.codePointCount(0, name.length()) + last.length() < 200) {
            name.append(" Śrī Ñyoman Ayu Dèwi");
        }
        String fullName = name.substring(0, 200 - last.length()) + last;
        assertThat(fullName.codePointCount(0, fullName.length())).isEqualTo(200);

        assertThat(matches("kusumadewi", named(fullName))).isTrue();
        assertThat(matches("luh kusumadewi", named(fullName))).isTrue();
    }
}
