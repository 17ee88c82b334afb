package id.loket.report.model;

import java.util.Map;

/** A text in Indonesian and English, as a report definition gives it. */
public record Text(String id, String en) {

    public Text {
        id = id == null ? "" : id;
        en = en == null || en.isEmpty() ? id : en;
    }

    public static Text of(Map<String, String> byLanguage) {
        return byLanguage == null ? new Text("", "") : new Text(byLanguage.get("id"), byLanguage.get("en"));
    }

    /** The text in {@code language} ({@code en}, else Indonesian). */
    public String in(String language) {
        return "en".equals(language) ? en : id;
    }
}
