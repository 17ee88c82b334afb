package id.loket.receipt.model;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeeTableTest {

    private final FeeTable defaults = new FeeTable(key -> null);

    @ParameterizedTest(name = "{0} {1}y sameDay={2} {3} = Rp{4}")
    @CsvSource({
            "REGULAR,    5,  false, NEW,                 350000",
            "REGULAR,    10, false, RENEWAL,             650000",
            "ELECTRONIC, 5,  false, NEW,                 650000",
            "ELECTRONIC, 10, false, NEW,                 950000",
            "ELECTRONIC, 10, true,  NEW,                 1950000",
            "REGULAR,    10, false, REPLACEMENT_LOST,    1650000",
            "ELECTRONIC, 10, false, REPLACEMENT_DAMAGED, 1450000",
            "REGULAR,    5,  true,  REPLACEMENT_LOST,    2350000"})
    void defaultsFollowTheFeeRegulation(PassportType type, int years, boolean sameDay, ServiceType service, long expected) {
        assertThat(defaults.fee(type, years, sameDay, service)).isEqualTo(expected);
    }

    @Test
    void aSettingOverridesItsDefaultOnly() {
        Map<String, Long> settings = Map.of("fee.REGULAR.10", 700_000L);
        FeeTable table = new FeeTable(settings::get);

        assertThat(table.fee(PassportType.REGULAR, 10, false, ServiceType.NEW)).isEqualTo(700_000L);
        assertThat(table.fee(PassportType.REGULAR, 10, false, ServiceType.REPLACEMENT_LOST)).isEqualTo(1_700_000L);
        assertThat(table.fee(PassportType.ELECTRONIC, 10, false, ServiceType.NEW)).isEqualTo(950_000L);
    }
}
