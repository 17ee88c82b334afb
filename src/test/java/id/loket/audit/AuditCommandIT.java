package id.loket.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.app.AppContext;
import id.loket.audit.model.AuditHead;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseStatus;
import id.loket.audit.model.OfficeAction;
import id.loket.casefile.repo.AuditRepository;
import id.loket.common.i18n.Messages;
import id.loket.db.Database;
import id.loket.testing.Cli;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loket audit verify} on a data folder the composition root wrote (its key, its head
 * file): exit 0 and the count, or exit 1 naming the entry; and the daily summary's footer
 * carries the head.
 */
class AuditCommandIT {

    @TempDir
    Path dir;

    private Path data;

    @BeforeEach
    void fiveEntries() {
        data = dir.resolve("data");
        try (AppContext app = AppContext.open(data, AuditFixture.CLOCK, Messages.forLanguage("en"))) {
            Database db = app.caseWork(AuditFixture.CLOCK).db();
            OffsetDateTime at = OffsetDateTime.now(AuditFixture.CLOCK);
            db.inTransactionRun(tx -> {
                AuditRepository audit = new AuditRepository(tx);
                new AuditTrail(tx).appendOffice(OfficeAction.LOGIN, "petugas1", "1", null, at);
                audit.append(new AuditEntry("A1", CaseAction.CHECK_IN, null, CaseStatus.CHECKED_IN, at, "petugas1", "1", null));
            });
            db.inTransactionRun(tx -> new AuditRepository(tx).append(
                    new AuditEntry("A1", CaseAction.REJECT, CaseStatus.IN_VERIFICATION, CaseStatus.REJECTED, at, "petugas1", "1", "FORGED_DOCUMENT")));
            db.inTransactionRun(tx -> new AuditTrail(tx).appendOffice(OfficeAction.LOGOUT, "petugas1", "1", null, at));
            db.inTransactionRun(tx -> new AuditTrail(tx).appendOffice(OfficeAction.LOGIN, "supervisor", "9", null, at));
        }
    }

    @Test
    void intactFolderExitsZeroWithTheCount() {
        Cli.Run run = Cli.loket("--data", data.toString(), "--lang", "en", "audit", "verify");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("intact: 5 entries");
        assertThat(run.code()).isZero();

        Cli.Run indonesian = Cli.loket("--data", data.toString(), "audit", "verify");
        assertThat(indonesian.out()).contains("utuh: 5 entri");
        assertThat(indonesian.code()).isZero();
    }

    @Test
    void editedRejectExitsOneNamingTheEntry() throws Exception {
        try (Connection c = id.loket.testing.PlainJdbc.open(data); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE audit_log SET officer = 'petugas2' WHERE action = 'REJECT'")).isEqualTo(1);
        }
        Cli.Run run = Cli.loket("--data", data.toString(), "--lang", "en", "audit", "verify");
        assertThat(run.out()).contains("entry 3 was changed");
        assertThat(run.err()).doesNotContain("Exception");
        assertThat(run.code()).isEqualTo(1);
    }

    @Test
    void lastEntriesDeletedExitOneAsCutOff() throws Exception {
        try (Connection c = id.loket.testing.PlainJdbc.open(data); Statement s = c.createStatement()) {
            s.execute("UPDATE audit_head SET seq = 3, hash = (SELECT hash FROM audit_log WHERE seq = 3)");
            assertThat(s.executeUpdate("DELETE FROM audit_log WHERE seq > 3")).isEqualTo(2);
        }
        Cli.Run run = Cli.loket("--data", data.toString(), "--lang", "en", "audit", "verify");
        assertThat(run.out()).contains("cut off at the end: entries 4 to 5");
        assertThat(run.code()).isEqualTo(1);
    }

    @Test
    void dailySummaryFooterCarriesTheHead() throws Exception {
        AuditHead head;
        byte[] pdf;
        try (AppContext app = AppContext.open(data, AuditFixture.CLOCK, Messages.forLanguage("en"))) {
            head = app.auditChainHead();
            pdf = app.dailySummaryPdf(LocalDate.of(2026, 11, 27), id.loket.testing.TestSessions.reader(app.caseWork(AuditFixture.CLOCK).db()),
                    Messages.forLanguage("en"), AuditFixture.CLOCK).orElseThrow();
        }
        assertThat(head.seq()).isEqualTo(5);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Audit chain: entry 5, hash " + head.hash().substring(0, 16));
        }
    }
}
