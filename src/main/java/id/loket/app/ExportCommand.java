package id.loket.app;

import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;
import id.loket.casefile.service.AppointmentExport;
import id.loket.casefile.service.CaseExport;
import id.loket.common.model.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code loket export}: writes local data to standard output, for checks and other tools. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write local data to standard output.",
        subcommands = {ExportCommand.Appointments.class, ExportCommand.Cases.class})
final class ExportCommand {

    @ParentCommand
    LoketCommand root;

    /** One export: what to write, given the open database, the office and whether JSON (else CSV) was asked for. */
    @FunctionalInterface
    interface Export {
        void write(AppContext app, Session session, String office, boolean json) throws IOException;
    }

    /** Checks the format, opens the data folder, writes to standard output. */
    int write(String format, SignIn signIn, Export export) {
        boolean json = json(format);
        Logging.toFolder(root.dataDir());
        try (AppContext app = root.open(Clock.systemDefaultZone(), root.messages())) {
            Session session = signIn.session(app, Permission.EXPORT_PERSONAL_DATA);
            export.write(app, session, root.office != null ? root.office : app.office().code(), json);
            root.out().flush();
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether JSON (else CSV) was asked for; refuses any other format. */
    static boolean json(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "csv" -> false;
            default -> throw new UserFacingException("cli.badFormat", format);
        };
    }

    /** The options every export takes: which date, and JSON or CSV. */
    static final class DateAndFormat implements CheckedOptions {
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate date;

        @Option(names = "--format", defaultValue = "json", paramLabel = "json|csv")
        String format;

        @Override
        public void checkOptions() {
            Check.date("--date", date);
            json(format);
        }
    }

    /** {@code loket export appointments}. */
    @Command(name = "appointments", mixinStandardHelpOptions = true,
            description = "The local appointments of a date, as JSON (the contract's fields plus \"case\") or CSV.")
    static final class Appointments implements Callable<Integer> {

        @ParentCommand
        ExportCommand export;

        @Mixin
        DateAndFormat options;

        @Mixin
        SignIn signIn;

        @Override
        public Integer call() {
            return export.write(options.format, signIn, (app, session, office, json) -> app.appointmentExport().write(session, options.date, office,
                    json ? AppointmentExport.Format.JSON : AppointmentExport.Format.CSV, export.root.out()));
        }
    }

    /** {@code loket export cases}. */
    @Command(name = "cases", mixinStandardHelpOptions = true,
            description = {"The cases opened on a date, in queue order, as JSON (an array of objects) or CSV (one row per case): "
                    + "reference, appointment id or walk-in reference, queue number, status, service, applicant, documents with "
                    + "results and notes, the history of transitions, rejection reasons and hold details.",
                    "CSV puts each list in one field, items separated by ';': documents as TYPE=RESULT(note), "
                    + "history as ACTION|FROM|TO|AT|OFFICER|COUNTER; inside notes and names a backslash goes before \\ ; | ( ) =."})
    static final class Cases implements Callable<Integer> {

        @ParentCommand
        ExportCommand export;

        @Mixin
        DateAndFormat options;

        @Mixin
        SignIn signIn;

        @Override
        public Integer call() {
            return export.write(options.format, signIn, (app, session, office, json) -> exportCases(app, session, office, json));
        }

        /** The cases, and a warning in words when the audit chain their history comes from is broken. */
        private void exportCases(AppContext app, Session session, String office, boolean json) throws IOException {
            id.loket.audit.model.AuditReport chain = app.auditVerifier().chainStatus();
            if (!chain.intact()) {
                export.root.err().println(export.root.messages().get("audit.exportBroken", Long.toString(chain.brokenAt())));
            }
            app.caseExport().write(session, options.date, office,
                    json ? CaseExport.Format.JSON : CaseExport.Format.CSV, export.root.out());
        }
    }
}
