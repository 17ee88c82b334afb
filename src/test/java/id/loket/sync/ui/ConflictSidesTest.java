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

    @Test
    void inIndonesianFieldsHaveLabelsStatusesAreWordsAndNoUuidIsShown() {
        String side = "{\"caseRef\":\"3f2a9c1e-7b4d-4e2a-9f10-2b3c4d5e6f70\",\"queueNumber\":\"A012\",\"status\":\"CHECKED_IN\","
                + "\"walkIn\":false,\"applicant\":{\"fullName\":\"Made Wirawan\"}}";

        String text = ConflictSides.readable(side, id.loket.common.i18n.Messages.forLanguage("id"));

        assertThat(text).contains("Nomor antrean: A012", "Status: Menunggu", "Tanpa janji temu: tidak", "Pemohon:", "Nama lengkap: Made Wirawan");
        assertThat(text).doesNotContain("caseRef", "CHECKED_IN", "walkIn", "false", "3f2a9c1e");
    }
}
