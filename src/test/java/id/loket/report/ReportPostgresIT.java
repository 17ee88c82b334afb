package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.db.Database;
import id.loket.report.model.ReportDefinition;
import id.loket.report.service.ReportCsv;
import id.loket.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every report of the catalogue runs on a real PostgreSQL and gives there, figure for figure, the
 * CSV it gives on H2: the scenario's day is copied row by row from its H2 file into a fresh schema.
 */
class ReportPostgresIT {

    /** The tables the reports read, parents first. */
    private static final List<String> TABLES = List.of("setting", "appointment", "case_file", "case_document", "case_rejection_reason",
            "case_receipt", "audit_log", "outbox_event", "sync_run");

    @TempDir
    static Path dir;

    private static ReportScenario day;
    private static TestDatabase pg;

    @BeforeAll
    static void seed() {
        day = new ReportScenario(dir.resolve("h2"));
        pg = TestDatabase.open(TestDatabase.Backend.POSTGRES, dir.resolve("pg"), "report_postgres");
        DSLContext from = h2().dsl();
        DSLContext to = pg.db().dsl();
        to.execute("delete from setting");
        for (String table : TABLES) {
            for (Record r : from.fetch("select * from " + table)) {
                List<org.jooq.Field<?>> fields = java.util.Arrays.stream(r.fields())
                        .<org.jooq.Field<?>>map(f -> DSL.field(DSL.name(f.getName()), f.getDataType())).toList();
                to.insertInto(DSL.table(DSL.name(table)), fields).values(r.intoArray()).execute();
            }
        }
    }

    @AfterAll
    static void close() {
        if (pg != null) {
            pg.close();
        }
        if (day != null) {
            day.close();
        }
    }

    private static Database h2() {
        return day.app().caseWork(day.clock).db();
    }

    private static String csv(Database db, String name, String... params) {
        return new String(ReportCsv.write(Reports.run(db, day.clock, name, params), ReportScenario.ZONE), StandardCharsets.UTF_8);
    }

    @Test
    void everyReportGivesTheSameFiguresOnPostgresAsOnH2() {
        String pickupPlus5 = day.receiptB.receipt().pickupDate().plusDays(5).toString();
        for (ReportDefinition def : Reports.CATALOG.all()) {
            String[] params = def.name().equals("pending-pickups") ? new String[] {"date", pickupPlus5, "days", "3"}
                    : new String[] {"date", "2026-11-27"};
            String onH2 = csv(h2(), def.name(), params);
            String onPg = csv(pg.db(), def.name(), params);
            assertThat(onPg).as(def.name()).isEqualTo(onH2);
            assertThat(onH2.split("\r\n")).as(def.name()).hasSizeGreaterThan(1);
        }
        assertThat(csv(pg.db(), "daily-summary", "date", "2026-11-27")).contains("arrivals,6,3,3,0,0\r\n", "rejected,1,1,0,0,0\r\n");
        assertThat(csv(pg.db(), "officer-throughput", "date", "2026-11-27", "officer", "petugas1"))
                .contains("petugas1,4,2,2,1,2,1,4,11.3\r\n");
        assertThat(csv(pg.db(), "wait-times", "date", "2026-11-27")).contains("09:00,3,2,22.5,22.5,36.5\r\n");
    }

    @Test
    void aRangeOfDaysRunsOnPostgres() {
        assertThat(csv(pg.db(), "daily-summary", "date", "2026-11-26", "to", "2026-11-28")).contains("arrivals,6,3,3,0,0\r\n");
    }
}
