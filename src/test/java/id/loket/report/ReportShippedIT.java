package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Appointment;
import id.loket.report.model.ReportResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The other shipped reports on the day of {@link ReportScenario}: figures counted by hand, in the CSV and the PDF. */
class ReportShippedIT {

    @TempDir
    static Path dir;

    private static ReportScenario day;

    @BeforeAll
    static void seed() {
        day = new ReportScenario(dir);
    }

    @AfterAll
    static void close() {
        if (day != null) {
            day.close();
        }
    }

    private static ReportResult run(String name, String... params) {
        return Reports.run(day.app(), day.clock, name, params);
    }

    private static DSLContext dsl() {
        return day.app().caseWork(day.clock).db().dsl();
    }

    @Test
    void officerThroughputCountsEachOfficersSteps() {
        ReportResult r = run("officer-throughput", "date", "2026-11-27");
        Map<String, List<String>> csv = Reports.csvByFirst(r);
        assertThat(csv.get("officer")).containsExactly("officer", "called", "verified", "approved", "rejected", "receipts", "handed_over",
                "handled", "mean_handling_minutes");
        // petugas1: called A B C D; verified A B; approved A B; rejected C; receipts A B; handed over A;
        // handling 10 (A), 15 (B), 10 (C), 10 (D) minutes: mean 11.25
        assertThat(csv.get("petugas1")).containsExactly("petugas1", "4", "2", "2", "1", "2", "1", "4", "11.3");
        // petugas2: called and verified F, not interviewed yet: no handling time
        assertThat(csv.get("petugas2")).containsExactly("petugas2", "1", "1", "0", "0", "0", "0", "", "");
        assertThat(csv.get("total")).containsExactly("total", "5", "3", "2", "1", "2", "1", "4", "");
        String text = Reports.text(Reports.pdf(r, "id"));
        assertThat(text).contains("Kinerja Petugas", "petugas1 4 2 2 1 2 1 4 11,3", "petugas2 1 1 0 0 0 0 – –", "Jumlah 5 3 2 1 2 1 4",
                "Dipanggil, disetujui dan ditolak per petugas");
    }

    @Test
    void officerThroughputForOneOfficer() {
        ReportResult r = run("officer-throughput", "date", "2026-11-27", "officer", "petugas2");
        assertThat(Reports.csvByFirst(r).keySet()).containsExactly("officer", "petugas2", "total");
    }

    @Test
    void waitTimesByHourOfCheckIn() {
        ReportResult r = run("wait-times", "date", "2026-11-27");
        Map<String, List<String>> csv = Reports.csvByFirst(r);
        // 08: A 10, B 20, C 30 minutes; 09: D 40, F 5, E not called
        assertThat(csv.get("08:00")).containsExactly("08:00", "3", "3", "20.0", "20.0", "28.0");
        assertThat(csv.get("09:00")).containsExactly("09:00", "3", "2", "22.5", "22.5", "36.5");
        assertThat(csv.get("total")).containsExactly("total", "6", "5", "", "", "");
        assertThat(csv).hasSize(4);
        byte[] pdf = Reports.pdf(r, "en");
        assertThat(Reports.text(pdf)).contains("Wait Times", "08:00 3 3 20.0 20.0 28.0", "09:00 3 2 22.5 22.5 36.5", "Wait by hour (minutes)");
        assertThat(Reports.pdfA2b(pdf)).isTrue();
    }

    @Test
    void feesSumTheReceiptsPaymentsByPassportTypeAndValidity() {
        ReportResult r = run("fees", "date", "2026-11-27");
        Map<String, List<String>> csv = Reports.csvByFirst(r);
        Appointment a = day.a;
        Appointment b = day.b;
        long total = a.payment().amount() + b.payment().amount();
        if (a.passportType() == b.passportType() && a.validityYears().equals(b.validityYears())) {
            assertThat(csv.get(a.passportType().name())).containsExactly(a.passportType().name(), "" + a.validityYears(), "2", "" + total, "0");
        } else {
            assertThat(csv.get(a.passportType().name())).contains("" + a.payment().amount());
        }
        assertThat(csv.get("total")).containsExactly("total", "", "2", "" + total, "0");
        String text = Reports.text(Reports.pdf(r, "id"));
        assertThat(text).contains("Penerimaan Biaya per Jenis Paspor", "Rp" + String.format(java.util.Locale.ROOT, "%,d", total).replace(',', '.'));
    }

    @Test
    void pendingPickupsListsReadyPassportsOlderThanTheDays() {
        LocalDate pickup = day.receiptB.receipt().pickupDate();
        ReportResult r = run("pending-pickups", "date", pickup.plusDays(5).toString(), "days", "3");
        Map<String, List<String>> csv = Reports.csvByFirst(r);
        String number = day.receiptB.receipt().receiptNumber();
        // B is ready and not collected; A was handed over
        assertThat(csv.keySet()).containsExactly("receipt_number", number);
        assertThat(csv.get(number)).containsExactly(number, day.b.applicant().fullName(), "RENEWAL", "2026-11-27", pickup.toString(),
                "2026-11-27T14:00+08:00", "5");
        String text = Reports.text(Reports.pdf(r, "id"));
        assertThat(text).contains(number, "3 Desember 2026", "27 November 2026 14.00 WITA");
        assertThat(text.replaceAll("\\s+", "")).contains("Penggantianhabisberlaku", day.b.applicant().fullName().replaceAll("\\s+", ""));
        assertThat(Reports.csvByFirst(run("pending-pickups", "date", pickup.plusDays(5).toString(), "days", "6")).keySet())
                .containsExactly("receipt_number");
    }

    @Test
    void outageLogShowsWhatWaitedForCentralHourByHour() {
        // Central was unreachable from 08:30: events until then reached it at 08:31, later ones still wait
        // after three tries; two pulls failed at 09:05 and 09:35, one succeeded at 08:00.
        OffsetDateTime cut = LocalDate.of(2026, 11, 27).atTime(LocalTime.of(8, 30)).atZone(ReportScenario.ZONE).toOffsetDateTime();
        OffsetDateTime sent = cut.plusMinutes(1);
        dsl().execute("update outbox_event set state = 'SENT', attempts = 1, sent_at = ? where occurred_at < ?", sent, cut);
        dsl().execute("update outbox_event set attempts = 3, last_error = 'central unreachable' where occurred_at >= ?", cut);
        dsl().execute("insert into sync_run (office, started_at, finished_at, succeeded, items_received, items_applied, items_ignored,"
                + " items_rejected, message) values ('DPS', ?, ?, true, 0, 0, 0, 0, null), ('DPS', ?, ?, false, 0, 0, 0, 0, 'down'),"
                + " ('DPS', ?, ?, false, 0, 0, 0, 0, 'down')", cut.minusMinutes(30), cut.minusMinutes(30), cut.plusMinutes(35),
                cut.plusMinutes(35), cut.plusMinutes(65), cut.plusMinutes(65));
        // the hand count: events of each hour, and of hour 08 those before 08:30 (sent) and before 08:26 (sent late)
        int events8 = count("occurred_at >= ? and occurred_at < ?", cut.minusMinutes(30), cut.plusMinutes(30));
        int before = count("occurred_at >= ? and occurred_at < ?", cut.minusMinutes(30), cut);
        int late = count("occurred_at >= ? and occurred_at < ?", cut.minusMinutes(30), sent.minusMinutes(5));
        int events9 = count("occurred_at >= ? and occurred_at < ?", cut.plusMinutes(30), cut.plusMinutes(90));
        assertThat(before).isPositive();
        assertThat(late).isPositive();
        ReportResult r = run("outage-log", "date", "2026-11-27");
        Map<String, List<String>> csv = Reports.csvByFirst(r);
        assertThat(csv.get("08:00")).containsExactly("08:00", "" + events8, "" + (events8 - before), "" + late, "" + (events8 - before),
                "0", "2", "2026-11-27T08:31+08:00"); // pulls: ours at 08:00 and the fixture's own at 08:30
        assertThat(csv.get("09:00")).containsExactly("09:00", "" + events9, "" + events9, "0", "" + events9, "2", "2", "");
        assertThat(Reports.text(Reports.pdf(r, "id"))).contains("Log Gangguan Koneksi Pusat", "27 November 2026 08.31 WITA");
    }

    private static int count(String where, Object... binds) {
        return dsl().fetchOne("select count(*) from outbox_event where " + where, binds).get(0, Integer.class);
    }
}
