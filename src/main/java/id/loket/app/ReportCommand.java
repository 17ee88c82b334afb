package id.loket.app;

import id.loket.common.model.UserFacingException;
import id.loket.report.model.ReportDefinition;
import id.loket.report.model.ReportResult;
import id.loket.report.pdf.ReportPdf;
import id.loket.report.service.ReportCatalog;
import id.loket.report.service.ReportCsv;
import id.loket.report.service.ReportService;
import id.loket.settings.model.OfficeSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code loket report}: runs a report of the catalogue and writes it as PDF/A-2b or CSV, for
 * scheduled jobs; {@code --list} lists the catalogue. The catalogue is the jar's bundled
 * {@code reports/}, overridden by the folder {@code --reports DIR} (default: {@code reports/}
 * in the working directory, when there is one). The file appears only when complete.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Run a report of the catalogue (reports/) and write it as PDF (PDF/A-2b) or CSV; --list lists the reports.")
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    LoketCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The report, e.g. daily-summary.")
    String name;

    @Option(names = "--list", description = "List the reports of the catalogue and their parameters.")
    boolean list;

    @Option(names = "--reports", paramLabel = "DIR", description = "The folder of report definitions. Default: reports/ in the working directory, then the reports bundled in the application.")
    Path reports;

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

    @Option(names = "--by", paramLabel = "NAME", description = "Who the report is made by, printed at its foot. Default: the system user.")
    String by;

    @Override
    public Integer call() throws IOException {
        ReportCatalog catalog = catalog();
        if (list) {
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
            return 0;
        }
        if (name == null || name.isBlank()) {
            throw new UserFacingException("report.noName");
        }
        ReportDefinition def = catalog.get(name);
        if (out == null) {
            throw new UserFacingException("report.outRequired");
        }
        boolean pdf = pdf(format, out);
        Path target = out.toAbsolutePath().normalize();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserFacingException("report.noFolder", String.valueOf(folder));
        }
        if (Files.isDirectory(target)) {
            throw new UserFacingException("report.outIsFolder", target.toString());
        }
        Map<String, String> given = new LinkedHashMap<>(params);
        put(given, "date", date);
        put(given, "to", to);
        put(given, "officer", officer);
        put(given, "days", days);
        Logging.toFolder(root.dataDir());
        byte[] bytes;
        Clock clock = Clock.systemDefaultZone();
        try (AppContext app = root.open(clock, root.messages())) {
            OfficeSettings office = app.office();
            // AppContext has no accessor for the Database: the case work's is the same one.
            ReportService service = new ReportService(app.caseWork(clock).db().dsl(), office.code(), office.zone(), clock);
            ReportResult result = service.run(def, service.parameters(def, given), who());
            bytes = pdf ? ReportPdf.render(result, new ReportPdf.Office(office.name(), office.address()), root.messages(), office.zone())
                    : ReportCsv.write(result, office.zone());
        }
        PrintCommand.write(target, bytes);
        root.out().println(root.messages().get("report.written", def.name(), target.toString()));
        root.out().flush();
        return 0;
    }

    private ReportCatalog catalog() {
        ReportCatalog bundled = ReportCatalog.fromClassPath(ReportCommand.class.getClassLoader());
        if (reports != null) {
            if (!Files.isDirectory(reports)) {
                throw new UserFacingException("report.noCatalogue", reports.toAbsolutePath().toString());
            }
            return bundled.overriddenBy(ReportCatalog.fromFolder(reports));
        }
        Path here = Path.of("reports");
        return Files.isDirectory(here) ? bundled.overriddenBy(ReportCatalog.fromFolder(here)) : bundled;
    }

    private static void put(Map<String, String> given, String key, String value) {
        if (value != null) {
            given.put(key, value);
        }
    }

    private String who() {
        if (by != null && !by.isBlank()) {
            return by.strip();
        }
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "loket" : user;
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
