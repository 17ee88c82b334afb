package id.loket.casefile.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Queue numbers print as the series letter, a hyphen and at least three digits. */
class QueueNumberTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "A, 1, A-001",
        "A, 9, A-009",
        "P, 10, P-010",
        "W, 99, W-099",
        "R, 100, R-100",
        "A, 250, A-250",
        "A, 999, A-999",
        "W, 1000, W-1000",
        "P, 12345, P-12345",
    })
    void printsTheSeriesAndTheNumberPaddedToThreeDigits(QueueSeries series, int number, String printed) {
        assertThat(new QueueNumber(series, number).toString()).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource({"A, 7", "P, 7", "W, 7", "R, 7"})
    void sameNumberInAnotherSeriesIsAnotherQueueNumber(QueueSeries series, int number) {
        QueueNumber n = new QueueNumber(series, number);
        assertThat(n).isEqualTo(new QueueNumber(series, number));
        for (QueueSeries other : QueueSeries.values()) {
            if (other != series) {
                assertThat(n).isNotEqualTo(new QueueNumber(other, number));
                assertThat(n.toString()).isNotEqualTo(new QueueNumber(other, number).toString());
            }
        }
    }
}
