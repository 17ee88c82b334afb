package id.loket.receipt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.common.model.UserFacingException;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReceiptNumberTest {

    @Test
    void isWrittenWithTheOfficeTheDayAndFourDigits() {
        assertThat(new ReceiptNumber("DPS", LocalDate.of(2026, 11, 27), 1).text()).isEqualTo("TT-DPS-20261127-0001");
        assertThat(new ReceiptNumber("DPS", LocalDate.of(2026, 11, 27), 12345).text()).isEqualTo("TT-DPS-20261127-12345");
    }

    @ParameterizedTest
    @CsvSource({
        "TT-DPS-20261127-0001, DPS, 2026-11-27, 1",
        "'  tt-dps-20261127-0042 ', DPS, 2026-11-27, 42",
        "TT-JAKSEL-20270102-12345, JAKSEL, 2027-01-02, 12345"})
    void readsWhatIsTypedOrScanned(String text, String office, LocalDate day, int n) {
        ReceiptNumber r = ReceiptNumber.parse(text);
        assertThat(r).isEqualTo(new ReceiptNumber(office, day, n));
        assertThat(ReceiptNumber.looksLike(text)).isTrue();
        assertThat(ReceiptNumber.parse(r.text())).isEqualTo(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "TT-DPS-2026112-0001", "TT-DPS-20261340-0001", "TT-D-20261127-0001", "TT-DPS-20261127-0000",
        "TT-DPS-20261127-01", "B-017", "1234567890ABCDEF"})
    void refusesWhatIsNotOneWithItsMessageKey(String text) {
        assertThat(ReceiptNumber.looksLike(text)).isFalse();
        assertThatThrownBy(() -> ReceiptNumber.parse(text)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.key()).isEqualTo("receipt.badNumber"));
    }
}
