package id.loket.appointment.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.common.model.UserFacingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NtpnTest {

    @ParameterizedTest
    @ValueSource(strings = {"0123456789ABCDEF", " 0123456789abcdef ", "0123456789AbCdEf"})
    void readsSixteenLettersOrDigitsInCapitals(String text) {
        assertThat(Ntpn.parse(text).value()).isEqualTo("0123456789ABCDEF");
        assertThat(Ntpn.isValid(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0123456789ABCDE", "0123456789ABCDEF0", "0123456789ABCD-F", "0123 456789ABCDE"})
    void refusesAnythingElseWithItsMessageKey(String text) {
        assertThat(Ntpn.isValid(text)).isFalse();
        assertThatThrownBy(() -> Ntpn.parse(text)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.key()).isEqualTo("payment.badNtpn"));
    }
}
