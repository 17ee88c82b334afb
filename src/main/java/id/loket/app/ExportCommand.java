package id.loket.app;

import id.loket.appointment.service.AppointmentExport;
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
        void write(AppContext app, String office, boolean json) throws IOException;
    }

    /** Checks the format, opens the data folder, writes to standard output. */
    int write(String format, Export export) {
        boolean json = switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "csv" -> false;
            default -> throw new UserFacingException("cli.badFormat", format);
        };
        Logging.toFolder(root.dataDir());
        try (AppContext app = root.open(Clock.systemDefaultZone(), root.messages())) {
            export.write(app, root.office != null ? root.office : app.office().code(), json);
            root.out().flush();
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The options every export takes: which date, and JSON or CSV. */
    static final class DateAndFormat {
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate date;

        @Option(names = "--format", defaultValue = "json", paramLabel = "json|csv")
        String format;
    }

    /** {@code loket export appointments}. */
    @Command(name = "appointments", mixinStandardHelpOptions = true,
            description = "The local appointments of a date, as JSON (the contract's fields plus \"case\") or CSV.")
    static final class Appointments implements Callable<Integer> {

        @ParentCommand
        ExportCommand export;

        @Mixin
        DateAndFormat options;

        @Override
        public Integer call() {
            return export.write(options.format, (app, office, json) -> app.appointmentExport().write(options.date, office,
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

        @Override
        public Integer call() {
            return export.write(options.format, (app, office, json) -> app.caseExport().write(options.date, office,
                    json ? CaseExport.Format.JSON : CaseExport.Format.CSV, export.root.out()));
        }
    }
}
