package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.ServiceType;
import id.loket.report.model.ReportResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** daily-summary on the scenario's day: the figures of {@link ReportScenario}, in the CSV and in the PDF. */
class ReportDailySummaryIT {

    @TempDir
    static Path dir;

    private static ReportScenario day;
    private static ReportResult result;

    @BeforeAll
    static void seed() {
        day = new ReportScenario(dir);
        result = Reports.run(day.app(), day.clock, "daily-summary", "date", "2026-11-27");
    }

    @AfterAll
    static void close() {
        if (day != null) {
            day.close();
        }
    }

    @Test
    void csvHasOneRowPerFigureInTotalAndByServiceType() {
        Map<String, List<String>> csv = Reports.csvByFirst(result);
        assertThat(csv.get("figure")).containsExactly("figure", "total", "svc_new", "svc_renewal", "svc_lost", "svc_damaged");
        long live = day.liveAppointments();
        long liveNew = day.liveAppointments(ServiceType.NEW);
        long liveRenewal = day.liveAppointments(ServiceType.RENEWAL);
        assertThat(csv.get("appointments").subList(0, 4)).containsExactly("appointments", "" + live, "" + liveNew, "" + liveRenewal);
        assertThat(csv.get("arrivals")).containsExactly("arrivals", "6", "3", "3", "0", "0");
        assertThat(csv.get("walk_ins")).containsExactly("walk_ins", "0", "0", "0", "0", "0");
        // the day is not closed: who has not come yet is "belum datang", nobody is a no-show yet
        assertThat(csv.get("not_yet_arrived").subList(0, 4)).containsExactly("not_yet_arrived", "" + (live - 6), "" + (liveNew - 3),
                "" + (liveRenewal - 3));
        assertThat(csv.get("no_show")).containsExactly("no_show", "0", "0", "0", "0", "0");
        assertThat(csv.get("served")).containsExactly("served", "3", "1", "2", "0", "0");
        assertThat(csv.get("approved")).containsExactly("approved", "2", "0", "2", "0", "0");
        assertThat(csv.get("on_hold")).containsExactly("on_hold", "1", "1", "0", "0", "0");
        assertThat(csv.get("in_progress")).containsExactly("in_progress", "2", "1", "1", "0", "0");
        assertThat(csv.get("rejected")).containsExactly("rejected", "1", "1", "0", "0", "0");
        assertThat(csv.get("rejected_data_mismatch")).containsExactly("rejected_data_mismatch", "1", "1", "0", "0", "0");
        assertThat(csv.get("rejected_false_statement")).containsExactly("rejected_false_statement", "1", "1", "0", "0", "0");
        assertThat(csv.get("rejected_forged_document")).containsExactly("rejected_forged_document", "0", "0", "0", "0", "0");
        assertThat(csv.get("receipts")).containsExactly("receipts", "2", "0", "2", "0", "0");
        assertThat(csv.get("pickups")).containsExactly("pickups", "1", "0", "1", "0", "0");
        assertThat(csv).hasSize(1 + 19);
    }

    @Test
    void pdfSaysTheFiguresInIndonesianWithLetterheadAndFoot() {
        byte[] pdf = Reports.pdf(result, "id");
        String text = Reports.text(pdf);
        long live = day.liveAppointments();
        assertThat(text).contains("Kantor Imigrasi Kelas I TPI Denpasar", "Ringkasan Harian", "27 November 2026",
                "Kedatangan (check-in) 6 3 3 0 0", "Belum datang " + (live - 6), "Tidak hadir (dicatat saat hari ditutup) 0", "Dilayani (disetujui atau ditolak) 3 1 2 0 0",
                "Ditunda (berkas kurang) 1 1 0 0 0", "Ditolak 1 1 0 0 0", "alasan: data tidak sesuai 1 1 0 0 0",
                "Tanda terima diterbitkan 2 0 2 0 0", "Paspor diserahkan 1 0 1 0 0",
                "Halaman 1 dari 1", "Dibuat pada 27 November 2026", "oleh supervisor");
        assertThat(Reports.pdfA2b(pdf)).isTrue();
    }

    @Test
    void pdfInEnglish() {
        String text = Reports.text(Reports.pdf(result, "en"));
        assertThat(text).contains("Daily Summary", "Arrivals (checked in) 6 3 3 0 0", "No-shows", "reason: false statement 1 1 0 0 0",
                "Page 1 of 1", "Generated at 27 November 2026", "by supervisor");
    }

    @Test
    void aRangeOfDaysWithNothingInItGivesZeros() {
        ReportResult empty = Reports.run(day.app(), day.clock, "daily-summary", "date", "2026-12-01", "to", "2026-12-02");
        assertThat(Reports.csvByFirst(empty).get("arrivals")).containsExactly("arrivals", "0", "0", "0", "0", "0");
    }
}
