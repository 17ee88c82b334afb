package id.loket.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.common.model.UserFacingException;
import id.loket.report.model.Chart;
import id.loket.report.model.Column;
import id.loket.report.model.Format;
import id.loket.report.model.Parameter;
import id.loket.report.model.ReportDefinition;
import id.loket.report.model.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The reports there are: each sub-folder of a catalogue folder holding {@code layout.json} and
 * {@code report.sql} is one report, named by the folder. Adding a report is adding a folder.
 * A catalogue is read from a folder ({@link #fromFolder}) or from the class path
 * ({@link #fromClassPath}: the reports packaged in the jar), a folder's reports replacing
 * bundled ones of the same name ({@link #overriddenBy}).
 */
public final class ReportCatalog {

    public static final String LAYOUT = "layout.json";
    public static final String SQL = "report.sql";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ReportDefinition> reports;

    private ReportCatalog(Map<String, ReportDefinition> reports) {
        this.reports = reports;
    }

    /** Every report under {@code folder} (a missing folder is an empty catalogue). */
    public static ReportCatalog fromFolder(Path folder) {
        Map<String, ReportDefinition> found = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> dirs = Files.list(folder)) {
                for (Path dir : dirs.sorted().toList()) {
                    String name = dir.getFileName().toString();
                    if (Files.isRegularFile(dir.resolve(LAYOUT)) && Files.isRegularFile(dir.resolve(SQL)) && NAME.matcher(name).matches()) {
                        found.put(name, parse(name, Files.readString(dir.resolve(LAYOUT), StandardCharsets.UTF_8),
                                Files.readString(dir.resolve(SQL), StandardCharsets.UTF_8)));
                    }
                }
            } catch (IOException e) {
                throw new UserFacingException(e, "report.catalogueUnreadable", folder.toString(), e.getMessage());
            }
        }
        return new ReportCatalog(found);
    }

    /**
     * The reports bundled with the application under {@code reports/} on the class path (a folder
     * while developing, a folder inside the jar when packaged); none when there are none.
     */
    public static ReportCatalog fromClassPath(ClassLoader loader) {
        java.net.URL url = loader.getResource("reports/");
        if (url == null) {
            return new ReportCatalog(new TreeMap<>());
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
        } catch (java.net.URISyntaxException | IOException | RuntimeException e) {
            throw new UserFacingException(e, "report.catalogueUnreadable", url.toString(), e.getMessage());
        }
    }

    /** This catalogue with {@code over}'s reports added, replacing those of the same name. */
    public ReportCatalog overriddenBy(ReportCatalog over) {
        Map<String, ReportDefinition> all = new TreeMap<>(reports);
        all.putAll(over.reports);
        return new ReportCatalog(all);
    }

    public List<ReportDefinition> all() {
        return List.copyOf(reports.values());
    }

    public Optional<ReportDefinition> find(String name) {
        return Optional.ofNullable(name == null ? null : reports.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** The report of that name, or a refusal naming the reports there are. */
    public ReportDefinition get(String name) {
        return find(name).orElseThrow(() -> new UserFacingException("report.unknown", String.valueOf(name), String.join(", ", reports.keySet())));
    }

    /** Reads one definition; a broken one is refused with the report's name and what is wrong. */
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
            return new ReportDefinition(name, text(root.path("title")), text(root.path("description")), parameters, sql, columns,
                    groupBy, totals, chart);
        } catch (IOException | RuntimeException e) {
            throw new UserFacingException(e, "report.badDefinition", name, e.getMessage());
        }
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
