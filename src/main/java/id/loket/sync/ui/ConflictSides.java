package id.loket.sync.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.common.model.Nik;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One side of a conflict (JSON text) as a supervisor reads it: {@code key: value} lines,
 * nested objects indented under their name, and every 16-digit number (a NIK) masked.
 */
final class ConflictSides {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIXTEEN_DIGITS = Pattern.compile("(?<!\\d)\\d{16}(?!\\d)");
    private static final String INDENT = "  ";

    private ConflictSides() {
    }

    /** The side as lines of text; text that is not JSON is shown as it is, NIKs masked all the same. */
    static String readable(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return masked(json.strip());
        }
        if (root == null || root.isMissingNode()) {
            return masked(json.strip());
        }
        List<String> lines = new ArrayList<>();
        if (root.isObject()) {
            fields(root, "", lines);
        } else if (root.isArray()) {
            elements(root, "", lines);
        } else {
            lines.add(scalar(root));
        }
        return String.join("\n", lines);
    }

    /** Enums whose names may stand as values in a side; shown by their words in the officer's language. */
    private static final List<String> ENUMS = List.of("CaseStatus", "AppointmentStatus", "EventType", "ServiceType", "PaymentStatus",
            "Sex", "PassportType", "ConflictKind");

    /**
     * The side in the officer's words: each field under its label ({@code conflict.field.<name>}),
     * statuses and other enum names in words, true/false as yes/no, and no UUID (references that
     * tell a supervisor nothing; the queue number and name say who it is).
     */
    static String readable(String json, id.loket.common.i18n.Messages m) {
        String raw = readable(json);
        List<String> out = new ArrayList<>();
        for (String line : raw.split("\n", -1)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                out.add(line);
                continue;
            }
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            String key = line.substring(indent.length(), colon);
            String value = line.substring(colon + 1).strip();
            if (ConflictTableModel.UUID_LIKE.matcher(value).matches()) {
                continue;
            }
            String label = m.has("conflict.field." + key) ? m.get("conflict.field." + key) : key;
            out.add(indent + label + (value.isEmpty() ? ":" : ": " + words(key, value, m)));
        }
        return String.join("\n", out);
    }

    /** A value in words: an event's type as the action done; a status as the case's (or booking's) state; yes/no. */
    private static String words(String key, String value, id.loket.common.i18n.Messages m) {
        if (value.equals("true")) {
            return m.get("conflict.value.true");
        }
        if (value.equals("false")) {
            return m.get("conflict.value.false");
        }
        if (key.equals("type") && m.has("conflict.value." + value)) {
            return m.get("conflict.value." + value);
        }
        for (String e : ENUMS) {
            if (m.has("enum." + e + "." + value)) {
                return m.get("enum." + e + "." + value);
            }
        }
        if (m.has("conflict.value." + value)) {
            return m.get("conflict.value." + value);
        }
        if (m.has("conflicts.reason." + value) && value.matches("[A-Z_]+")) {
            return m.get("conflicts.reason." + value, "");
        }
        return value;
    }

    /** A text with each 16-digit number in it masked as a NIK. */
    static String masked(String text) {
        Matcher matcher = SIXTEEN_DIGITS.matcher(text);
        StringBuilder b = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(b, Matcher.quoteReplacement(Nik.mask(matcher.group())));
        }
        matcher.appendTail(b);
        return b.toString();
    }

    private static void fields(JsonNode object, String indent, List<String> lines) {
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            value(indent + f.getKey(), f.getValue(), indent, lines);
        }
    }

    private static void elements(JsonNode array, String indent, List<String> lines) {
        int i = 1;
        for (JsonNode element : array) {
            value(indent + "(" + i++ + ")", element, indent, lines);
        }
    }

    private static void value(String label, JsonNode v, String indent, List<String> lines) {
        if (v.isObject()) {
            if (v.isEmpty()) {
                lines.add(label + ": –");
            } else {
                lines.add(label + ":");
                fields(v, indent + INDENT, lines);
            }
        } else if (v.isArray()) {
            if (v.isEmpty()) {
                lines.add(label + ": –");
            } else if (allScalars(v)) {
                List<String> parts = new ArrayList<>();
                v.forEach(e -> parts.add(scalar(e)));
                lines.add(label + ": " + String.join(", ", parts));
            } else {
                lines.add(label + ":");
                elements(v, indent + INDENT, lines);
            }
        } else {
            lines.add(label + ": " + scalar(v));
        }
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode e : array) {
            if (e.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String scalar(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "–";
        }
        return masked(v.asText());
    }
}
