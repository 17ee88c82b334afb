package id.loket.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.common.model.UserFacingException;
import id.loket.report.model.Chart;
import id.loket.report.model.Column;
import id.loket.report.model.Format;
import id.loket.report.model.Parameter;
import id.loket.report.model.ReportDefinition;
import id.loket.report.model.ReportSql;
import id.loket.report.model.Text;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Role;
import id.loket.staff.model.Unguarded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports there are: each sub-folder of a catalogue folder holding {@code layout.json} and
 * {@code report.sql} is one report, named by the folder. Adding a report is adding a folder.
 *
 * <p>Loket's catalogue ({@link #load}) is the reports built into the application (the class
 * path's {@code reports/}, inside the jar) plus those of the one folder an administrator named
 * in the setting {@value #FOLDER_SETTING}; never the working directory. The administrator's
 * folder adds reports, it never replaces a built-in one: a report there with a built-in one's
 * name is not loaded, and {@link #problems} says so. Nor is a report there loaded when its
 * definition is broken, or when the folder, the report's folder or its files may be written by
 * anyone but their owner, or are owned by someone other than the user Loket runs as or root
 * (anyone who may write there may plant a report). The built-in reports are part of the
 * application: one of them broken is a defect, and the catalogue refuses to load.
 *
 * <p>Each report's {@code layout.json} names the roles that may run it ({@code "roles"}); a
 * layout without roles, with a role that is not one, or with a role that may not run reports at
 * all ({@link Permission#RUN_REPORT}) is refused, as is SQL that is not one query
 * ({@link ReportSql}).
 */
public final class ReportCatalog {

    public static final String LAYOUT = "layout.json";
    public static final String SQL = "report.sql";
    /** The setting naming the administrator's folder of reports (an absolute path). */
    public static final String FOLDER_SETTING = "reports.dir";

    private static final Logger LOG = LoggerFactory.getLogger(ReportCatalog.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ReportDefinition> reports;
    private final List<UserFacingException> problems;

    private ReportCatalog(Map<String, ReportDefinition> reports, List<UserFacingException> problems) {
        this.reports = reports;
        this.problems = List.copyOf(problems);
    }

    /**
     * Every report under {@code folder} (a missing folder is an empty catalogue); a broken one
     * is refused, naming it. For the built-in reports and for tests: Loket itself reads its
     * catalogue with {@link #load}.
     */
    @Unguarded("reads report definitions from files: no data of the office, nothing changed")
    public static ReportCatalog fromFolder(Path folder) {
        Map<String, ReportDefinition> found = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> dirs = Files.list(folder)) {
                for (Path dir : dirs.sorted().toList()) {
                    String name = dir.getFileName().toString();
                    if (isReport(dir) && NAME.matcher(name).matches()) {
                        found.put(name, read(name, dir));
                    }
                }
            } catch (IOException e) {
                throw new UserFacingException(e, "report.catalogueUnreadable", folder.toString(), e.getMessage());
            }
        }
        return new ReportCatalog(found, List.of());
    }

    /**
     * The reports bundled with the application under {@code reports/} on the class path (a folder
     * while developing, a folder inside the jar when packaged); none when there are none.
     */
    @Unguarded("reads the built-in report definitions: no data of the office, nothing changed")
    public static ReportCatalog fromClassPath(ClassLoader loader) {
        java.net.URL url = loader.getResource("reports/");
        if (url == null) {
            return new ReportCatalog(new TreeMap<>(), List.of());
        }
        try {
            java.net.URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, Map.of())) {
                    return fromFolder(jar.getPath("/reports"));
                } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                    return fromFolder(java.nio.file.FileSystems.getFileSystem(uri).getPath("/reports"));
                }
            }
            return fromFolder(Path.of(uri));
        } catch (UserFacingException e) {
            throw e;
        } catch (java.net.URISyntaxException | IOException | RuntimeException e) {
            throw new UserFacingException(e, "report.catalogueUnreadable", url.toString(), e.getMessage());
        }
    }

    /**
     * Loket's catalogue: the built-in reports of {@code loader}'s class path, plus the reports
     * of the administrator's folder {@code adminFolder} (the setting {@value #FOLDER_SETTING};
     * empty or blank: none). What of the folder is not loaded, and why, is in {@link #problems}.
     */
    @Unguarded("reads report definitions from files: no data of the office, nothing changed")
    public static ReportCatalog load(ClassLoader loader, Optional<String> adminFolder) {
        ReportCatalog builtIn = fromClassPath(loader);
        String setting = adminFolder.map(String::strip).orElse("");
        if (setting.isEmpty()) {
            return builtIn;
        }
        Map<String, ReportDefinition> all = new TreeMap<>(builtIn.reports);
        List<UserFacingException> problems = new ArrayList<>();
        Path folder;
        try {
            folder = Path.of(setting);
        } catch (InvalidPathException e) {
            return withProblem(all, new UserFacingException(e, "report.folderNotAbsolute", setting));
        }
        if (!folder.isAbsolute()) {
            return withProblem(all, new UserFacingException("report.folderNotAbsolute", setting));
        }
        if (!Files.isDirectory(folder)) {
            return withProblem(all, new UserFacingException("report.noCatalogue", folder.toString()));
        }
        Optional<String> unsafe = unsafe(folder);
        if (unsafe.isPresent()) {
            return withProblem(all, new UserFacingException("report.folderUnsafe", folder.toString(), unsafe.get()));
        }
        List<Path> dirs;
        try (Stream<Path> list = Files.list(folder)) {
            dirs = list.sorted().toList();
        } catch (IOException e) {
            return withProblem(all, new UserFacingException(e, "report.catalogueUnreadable", folder.toString(), e.getMessage()));
        }
        for (Path dir : dirs) {
            String name = dir.getFileName().toString();
            if (!isReport(dir)) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                problems.add(new UserFacingException("report.badName", dir.toString()));
                continue;
            }
            if (builtIn.reports.containsKey(name)) {
                problems.add(new UserFacingException("report.shadowsBuiltIn", name, folder.toString()));
                continue;
            }
            Optional<String> why = unsafe(dir).or(() -> unsafe(dir.resolve(LAYOUT))).or(() -> unsafe(dir.resolve(SQL)));
            if (why.isPresent()) {
                problems.add(new UserFacingException("report.reportUnsafe", name, why.get()));
                continue;
            }
            try {
                all.put(name, read(name, dir));
            } catch (UserFacingException e) {
                problems.add(e);
            }
        }
        problems.forEach(p -> LOG.warn("Report catalogue: {} {}", p.key(), java.util.Arrays.toString(p.args())));
        return new ReportCatalog(all, problems);
    }

    private static ReportCatalog withProblem(Map<String, ReportDefinition> reports, UserFacingException problem) {
        LOG.warn("Report catalogue: {} {}", problem.key(), java.util.Arrays.toString(problem.args()));
        return new ReportCatalog(reports, List.of(problem));
    }

    private static boolean isReport(Path dir) {
        return Files.isRegularFile(dir.resolve(LAYOUT)) && Files.isRegularFile(dir.resolve(SQL));
    }

    private static ReportDefinition read(String name, Path dir) {
        try {
            return parse(name, Files.readString(dir.resolve(LAYOUT), StandardCharsets.UTF_8), Files.readString(dir.resolve(SQL), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserFacingException(e, "report.catalogueUnreadable", dir.toString(), e.getMessage());
        }
    }

    /**
     * Why {@code path} is no place to load a report from, if it is not: writable by its group or
     * by others, or owned by someone other than the user Loket runs as or root. Only where the
     * file system has POSIX owners and modes (elsewhere the folder's access lists are the
     * administrator's to set).
     */
    static Optional<String> unsafe(Path path) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return Optional.empty();
        }
        try {
            PosixFileAttributes a = view.readAttributes();
            Set<PosixFilePermission> p = a.permissions();
            if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
                return Optional.of(path + " (" + java.nio.file.attribute.PosixFilePermissions.toString(p) + ")");
            }
            String owner = a.owner().getName();
            String me = System.getProperty("user.name");
            if (!owner.equals("root") && !owner.equals(me)) {
                return Optional.of(path + " (" + owner + ")");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(path + " (" + e.getMessage() + ")");
        }
    }

    /** What of the administrator's folder was not loaded, and why (empty when everything was). */
    @Unguarded("what of the report folder was not loaded: no data of the office")
    public List<UserFacingException> problems() {
        return problems;
    }

    @Unguarded("report definitions only: running one is guarded (RUN_REPORT and the report's roles)")
    public List<ReportDefinition> all() {
        return List.copyOf(reports.values());
    }

    /** The reports someone of {@code role} may run ({@link ReportDefinition#mayRun}), by name: what the desk lists. */
    @Unguarded("filters report definitions by a role the caller re-read; running one is guarded")
    public List<ReportDefinition> runnableBy(Role role) {
        return reports.values().stream().filter(d -> d.mayRun(role)).toList();
    }

    @Unguarded("a report definition only: running it is guarded")
    public Optional<ReportDefinition> find(String name) {
        return Optional.ofNullable(name == null ? null : reports.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** The report of that name, or a refusal naming the reports there are. */
    @Unguarded("a report definition only: running it is guarded")
    public ReportDefinition get(String name) {
        return find(name).orElseThrow(() -> new UserFacingException("report.unknown", String.valueOf(name), String.join(", ", reports.keySet())));
    }

    /** Reads one definition; a broken one is refused with the report's name and what is wrong. */
    @Unguarded("parses a report definition: no data of the office, nothing changed")
    public static ReportDefinition parse(String name, String layoutJson, String sql) {
        try {
            JsonNode root = JSON.readTree(layoutJson);
            List<Parameter> parameters = new ArrayList<>();
            for (JsonNode p : root.path("parameters")) {
                parameters.add(new Parameter(required(p, "name"), p.path("type").asText("text"), p.path("required").asBoolean(false),
                        p.hasNonNull("default") ? p.get("default").asText() : null, text(p.path("label"))));
            }
            List<Column> columns = new ArrayList<>();
            for (JsonNode c : root.path("columns")) {
                Map<String, Text> values = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = c.path("values").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    values.put(e.getKey(), text(e.getValue()));
                }
                columns.add(new Column(required(c, "name").toLowerCase(Locale.ROOT), text(c.path("label")),
                        Format.parse(c.path("format").asText("text")), values));
            }
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("no columns");
            }
            List<String> totals = new ArrayList<>();
            root.path("totals").forEach(t -> totals.add(t.asText().toLowerCase(Locale.ROOT)));
            Chart chart = null;
            JsonNode ch = root.path("chart");
            if (ch.isObject()) {
                List<String> vals = new ArrayList<>();
                ch.path("values").forEach(v -> vals.add(v.asText().toLowerCase(Locale.ROOT)));
                chart = new Chart(Chart.Kind.valueOf(ch.path("type").asText("bar").toUpperCase(Locale.ROOT)),
                        required(ch, "category").toLowerCase(Locale.ROOT), vals, text(ch.path("title")));
            }
            String groupBy = root.hasNonNull("groupBy") ? root.get("groupBy").asText().toLowerCase(Locale.ROOT) : null;
            Set<Role> roles = roles(name, root.path("roles"));
            ReportSql.requireOneQuery(name, sql);
            return new ReportDefinition(name, text(root.path("title")), text(root.path("description")), parameters, sql, columns,
                    groupBy, totals, chart, roles);
        } catch (UserFacingException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UserFacingException(e, "report.badDefinition", name, e.getMessage());
        }
    }

    /** The layout's {@code "roles"}: at least one, each a role that may run reports. */
    private static Set<Role> roles(String report, JsonNode node) {
        String allowed = Permission.RUN_REPORT.roles().stream().map(Enum::name).collect(Collectors.joining(", "));
        if (!node.isArray() || node.isEmpty()) {
            throw new UserFacingException("report.noRoles", report, allowed);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode r : node) {
            String text = r.asText("").strip().toUpperCase(Locale.ROOT);
            Role role;
            try {
                role = Role.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException("report.badRole", report, r.asText(""), allowed);
            }
            if (!Permission.RUN_REPORT.roles().contains(role)) {
                throw new UserFacingException("report.badRole", report, r.asText(""), allowed);
            }
            roles.add(role);
        }
        return roles;
    }

    private static String required(JsonNode node, String field) {
        if (!node.hasNonNull(field) || node.get(field).asText().isBlank()) {
            throw new IllegalArgumentException("\"" + field + "\" missing");
        }
        return node.get(field).asText();
    }

    private static Text text(JsonNode node) {
        if (node.isTextual()) {
            return new Text(node.asText(), node.asText());
        }
        return new Text(node.path("id").asText(""), node.path("en").asText(""));
    }
}
