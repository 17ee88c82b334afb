package id.loket.sync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.common.i18n.Messages;
import id.loket.sync.model.Conflict;
import id.loket.sync.model.ConflictKind;
import id.loket.sync.model.ConflictState;
import org.junit.jupiter.api.Test;

/** The list reads as the counter speaks: reasons in words with their detail, cases by queue number and name. */
class ConflictTableModelTest {

    private static final Messages ID = Messages.forLanguage("id");

    private static Conflict conflict(String officeSide, String reason) {
        return new Conflict(1, ConflictKind.SERVED_THEN_CHANGED, "3404d21f", "3404d21f", null, officeSide, "{}", reason, null,
                ConflictState.OPEN, null, null, null, null);
    }

    @Test
    void aReasonWithADetailIsSaidInWordsWithTheDetail() {
        assertThat(ConflictTableModel.reason(ID, "APPOINTMENT_RESCHEDULED 2026-12-05")).isEqualTo("Janji temu dipindah pusat ke 2026-12-05");
        assertThat(ConflictTableModel.reason(ID, "APPOINTMENT_CANCELLED")).isEqualTo("Janji temu sudah dibatalkan di pusat");
        assertThat(ConflictTableModel.reason(ID, "SOMETHING_NEW from central")).isEqualTo("SOMETHING_NEW from central");
    }

    @Test
    void theCaseIsNamedByQueueNumberAndNameWhenTheOfficeSideHasThem() {
        assertThat(ConflictTableModel.caseLabel(conflict("{\"queueNumber\":\"A-027\",\"applicant\":{\"fullName\":\"Ni Kadek Eka Pratiwi\"}}",
                "x"))).isEqualTo("A-027 · Ni Kadek Eka Pratiwi");
        assertThat(ConflictTableModel.caseLabel(conflict("{\"type\":\"CHECKED_IN\"}", "x"))).isEqualTo("3404d21f");
        assertThat(ConflictTableModel.caseLabel(conflict("not json", "x"))).isEqualTo("3404d21f");
    }

    @Test
    void aBookingsConflictIsNamedByBookingCodeAndNameNeverByItsUuid() {
        String uuid = "f79db2d6-db9f-4387-97cf-6e78102e27f1";
        Conflict refused = new Conflict(2, ConflictKind.EVENT_REFUSED, uuid, uuid, null, "{\"type\":\"CHECKED_IN\",\"caseRef\":\"" + uuid + "\"}",
                "{\"appointment\":{\"bookingCode\":\"DPS7KVX6LW\",\"applicant\":{\"fullName\":\"Desak Made Wulandari\"}}}", "x", null,
                ConflictState.OPEN, null, null, null, null);
        assertThat(ConflictTableModel.caseLabel(refused)).isEqualTo("DPS7KVX6LW · Desak Made Wulandari");
        Conflict unknown = new Conflict(3, ConflictKind.EVENT_REFUSED, uuid, uuid, null, "{}", "{}", "x", null,
                ConflictState.OPEN, null, null, null, null);
        assertThat(ConflictTableModel.caseLabel(unknown)).isEqualTo("–");
    }
}
