package id.loket.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.common.model.UserFacingException;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which central URLs Loket sends its token to: https anywhere, http only to this computer. */
class CentralUrlTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "https://central.imigrasi.go.id/api/v1, https://central.imigrasi.go.id/api/v1",
            "HTTPS://Central.Example:443/api/v1/, https://central.example/api/v1",
            "https://central.example:8443/api/v1, https://central.example:8443/api/v1",
            "https://10.0.0.5/api/v1, https://10.0.0.5/api/v1",
            "http://127.0.0.1:8731/api/v1, http://127.0.0.1:8731/api/v1",
            "http://127.1.2.3/api, http://127.1.2.3/api",
            "http://localhost:8731/api/v1, http://localhost:8731/api/v1",
            "http://LOCALHOST:80/api/v1, http://localhost/api/v1",
            "http://[::1]:8731/api/v1, http://[::1]:8731/api/v1",
            "http://[0:0:0:0:0:0:0:1]/api, http://[0:0:0:0:0:0:0:1]/api",
            "https://central.example, https://central.example"})
    void acceptedAndKeptInOneSpelling(String given, String kept) {
        assertThat(CentralUrl.parse(given)).isEqualTo(URI.create(kept));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://central.example/api/v1", "http://10.0.0.5:8731/api/v1", "http://192.168.1.10/api",
            "http://127.example.org/api", "http://localhost.example/api", "http://128.0.0.1/api", "http://[::2]/api",
            "http://[::ffff:10.0.0.1]/api", "http://0.0.0.0:8731/api"})
    void plainHttpToAnotherComputerIsRefused(String given) {
        assertThatThrownBy(() -> CentralUrl.parse(given)).isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).key()).isEqualTo("central.url.insecure");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "central.example/api", "ftp://central.example/api", "https://", "https:///api",
            "https://central example/api", "https://central.example:99999/api", "https://user:pw@central.example/api",
            "https://central.example/api?token=x", "https://central.example/api#x", "mailto:central@example.org",
            "http://127.0.0.256/api"})
    void malformedIsRefused(String given) {
        assertThatThrownBy(() -> CentralUrl.parse(given)).isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).key()).isEqualTo("central.url.malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://central.example/api", "http://10.1.1.1/api"})
    void aClientConfigForPlainHttpToAnotherComputerCannotBeMade(String url) {
        assertThatThrownBy(() -> CentralClient.Config.of(url, "t")).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> new CentralClient.Config(URI.create(url), "t", java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1), null)).isInstanceOf(UserFacingException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://kantor:rahasia@central.example/api | https://…@central.example/api",
            "https://central.example/api | https://central.example/api"})
    void aUrlIsEchoedWithoutItsPassword(String given, String echoed) {
        assertThat(CentralUrl.echo(given)).isEqualTo(echoed);
    }
}
