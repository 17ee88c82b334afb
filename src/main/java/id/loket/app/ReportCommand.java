package id.loket.app;

import id.loket.common.model.UserFacingException;
import id.loket.report.model.ReportDefinition;
import id.loket.report.model.ReportResult;
import id.loket.report.pdf.ReportPdf;
import id.loket.report.service.ReportCatalog;
import id.loket.report.service.ReportCsv;
import id.loket.report.service.ReportService;
import id.loket.settings.model.OfficeSettings;
import id.loket.staff.model.Permission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code loket report}: runs a report of the catalogue and writes it as PDF/A-2b or CSV, for
 * scheduled jobs; {@code --list} lists the catalogue. The catalogue is the reports built into
 * the application plus those of the administrator's folder (setting {@code reports.dir}); never
 * the working directory. The file appears only when complete.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Run a report of the catalogue (the built-in reports and the folder of setting reports.dir) and write it as PDF (PDF/A-2b) or CSV; --list lists the reports.")
final class ReportCommand implements Callable<Integer>, CheckedOptions {

    @ParentCommand
    LoketCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The report, e.g. daily-summary.")
    String name;

    @Option(names = "--list", description = "List the reports of the catalogue and their parameters.")
    boolean list;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day (the first day with --to).")
    String date;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "The last day of a date range (default: --date).")
    String to;

    @Option(names = "--officer", paramLabel = "USER", description = "Only this officer (reports that take it).")
    String officer;

    @Option(names = "--days", paramLabel = "N", description = "A number of days (pending-pickups: older than N days).")
    String days;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=VALUE", description = "Any other parameter a report defines.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "pdf|csv", description = "pdf or csv. Default: from the --out file's extension, else pdf.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "The file to write (replaced if it exists).")
    Path out;

    @Mixin
    SignIn signIn;

    /**
     * The options every report shares, checked before anything is opened; a report's own parameters
     * (-P, and which of these it takes) are checked against its definition when it runs.
     */
    @Override
    public void checkOptions() {
        LocalDate first = date("--date", date);
        LocalDate last = date("--to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new UserFacingException("report.toBeforeDate", last.toString(), first.toString());
        }
        if (days != null) {
            try {
                if (Integer.parseInt(days.strip()) < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new UserFacingException("report.badInteger", "--days", days);
            }
        }
        if (out != null) {
            pdf(format, out);
            Path target = out.toAbsolutePath().normalize();
            Path folder = target.getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                throw new UserFacingException("report.noFolder", String.valueOf(folder));
            }
            if (Files.isDirectory(target)) {
                throw new UserFacingException("report.outIsFolder", target.toString());
            }
        }
    }

    private static LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UserFacingException("report.badDate", option, text);
        }
        Check.date(option, d);
        return d;
    }

    @Override
    public Integer call() throws IOException {
        if (list) {
            return list();
        }
        if (name == null || name.isBlank()) {
            throw new UserFacingException("report.noName");
        }
        if (out == null) {
            throw new UserFacingException("report.outRequired");
        }
        boolean pdf = pdf(format, out);
        Path target = out.toAbsolutePath().normalize();
        Map<String, String> given = new LinkedHashMap<>(params);
        put(given, "date", date);
        put(given, "to", to);
        put(given, "officer", officer);
        put(given, "days", days);
        Logging.toFolder(root.dataDir());
        byte[] bytes;
        ReportDefinition def;
        Clock clock = Clock.systemDefaultZone();
        try (AppContext app = root.open(clock, root.messages())) {
            def = app.reportCatalogue().get(name);
            OfficeSettings office = app.office();
            ReportService service = app.reports(clock);
            Map<String, Object> values = service.parameters(def, given);
            ReportResult result = service.run(signIn.session(app, Permission.RUN_REPORT), def, values);
            bytes = pdf ? ReportPdf.render(result, new ReportPdf.Office(office.name(), office.address()), root.messages(), office.zone())
                    : ReportCsv.write(result, office.zone());
        }
        PrintCommand.write(target, bytes);
        root.out().println(root.messages().get("report.written", def.name(), target.toString()));
        root.out().flush();
        return 0;
    }

    /** The catalogue, one report a line; what of the administrator's folder was not loaded goes to standard error. */
    private int list() {
        Logging.toFolder(root.dataDir());
        ReportCatalog catalog;
        try (AppContext app = root.open(Clock.systemDefaultZone(), root.messages())) {
            catalog = app.reportCatalogue();
        }
        String lang = root.messages().language();
        if (catalog.all().isEmpty()) {
            root.out().println(root.messages().get("report.list.empty"));
        }
        for (ReportDefinition d : catalog.all()) {
            StringBuilder line = new StringBuilder(d.name()).append('\t').append(d.title().in(lang)).append('\t');
            d.parameters().forEach(p -> line.append(" --").append(p.name()).append(p.required() ? "" : "?"));
            root.out().println(line.toString().stripTrailing());
        }
        root.out().flush();
        for (UserFacingException problem : catalog.problems()) {
            root.err().println(root.messages().get("report.list.notLoaded", root.messages().of(problem)));
        }
        root.err().flush();
        return 0;
    }

    private static void put(Map<String, String> given, String key, String value) {
        if (value != null) {
            given.put(key, value);
        }
    }

    static boolean pdf(String format, Path out) {
        String f = format;
        if (f == null || f.isBlank()) {
            String file = out.getFileName().toString().toLowerCase(Locale.ROOT);
            return !file.endsWith(".csv");
        }
        return switch (f.strip().toLowerCase(Locale.ROOT)) {
            case "pdf" -> true;
            case "csv" -> false;
            default -> throw new UserFacingException("report.badFormat", f);
        };
    }
}
