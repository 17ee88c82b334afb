package id.loket.sync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A conflict's side as the supervisor reads it. */
class ConflictSidesTest {

    @Test
    void nestedJsonBecomesIndentedKeyValueLinesWithEveryNikMasked() {
        String json = """
                {"result":{"status":"CONFLICT","reason":"APPOINTMENT_CANCELLED","appointmentId":null},
                 "appointment":{"applicant":{"nik":"5171014202840008","fullName":"Desak"},
                   "guardians":[{"nik":5171011708900001,"relation":"FATHER"}],"tags":["a","b"],"empty":[]},
                 "note":"NIK 3201010101900002 checked"}
                """;

        assertThat(ConflictSides.readable(json)).isEqualTo(String.join("\n",
                "result:",
                "  status: CONFLICT",
                "  reason: APPOINTMENT_CANCELLED",
                "  appointmentId: –",
                "appointment:",
                "  applicant:",
                "    nik: ************0008",
                "    fullName: Desak",
                "  guardians:",
                "    (1):",
                "      nik: ************0001",
                "      relation: FATHER",
                "  tags: a, b",
                "  empty: –",
                "note: NIK ************0002 checked"));
    }

    @Test
    void textThatIsNotJsonIsShownAsItIsWithNiksMaskedAndLongerNumbersLeftAlone() {
        assertThat(ConflictSides.readable("central said 5171014202840008 {")).isEqualTo("central said ************0008 {");
        assertThat(ConflictSides.masked("12345678901234567")).isEqualTo("12345678901234567");
        assertThat(ConflictSides.readable(null)).isEmpty();
        assertThat(ConflictSides.readable("  ")).isEmpty();
    }
}
