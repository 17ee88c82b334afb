package id.loket.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A desk reads just the cases a change names (the change feed's {@code onlyCases}), so every
 * write of a case's rows must name its case ({@link Database#caseWritten}). The writes of
 * {@code case_file} and {@code queue_call} are kept in the two repositories that do: a write
 * anywhere else, by jOOQ or in SQL text, fails here.
 */
class CaseWritersTest {

    private static final Pattern WRITE = Pattern.compile(
            "(?:update|insertInto|deleteFrom|newRecord|mergeInto)\\(\\s*(?:Tables\\.)?(?:CASE_FILE|QUEUE_CALL)\\b"
                    + "|(?i:\\b(?:update|insert\\s+into|delete\\s+from|merge\\s+into)\\s+(?:\\\\?\")?(?:case_file|queue_call)\\b)");
    private static final Map<String, String> WRITERS = Map.of(
            "id/loket/casefile/repo/CaseRepository.java", "written(",
            "id/loket/display/repo/QueueCallRepository.java", "Database.caseWritten(");

    @Test
    void onlyTheRepositoriesThatNameTheCaseWriteACasesRows() throws IOException {
        Path root = Path.of("src/main/java");
        assertThat(root).isDirectory();
        Map<String, Long> writes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                long n = WRITE.matcher(Files.readString(f)).results().count();
                if (n > 0) {
                    writes.put(root.relativize(f).toString().replace('\\', '/'), n);
                }
            }
        }
        assertThat(writes.keySet()).as("files that write case_file or queue_call").containsExactlyInAnyOrderElementsOf(WRITERS.keySet());
        for (Map.Entry<String, String> w : WRITERS.entrySet()) {
            String source = Files.readString(root.resolve(w.getKey()));
            long named = Pattern.compile(Pattern.quote(w.getValue())).matcher(source).results().count();
            assertThat(named).as(w.getKey() + ": a case named for each write").isGreaterThanOrEqualTo(writes.get(w.getKey()));
        }
    }

    @Test
    void theCheckFindsAWriteInEitherForm() {
        for (String s : List.of("ctx.update(CASE_FILE).set(x)", "ctx.insertInto(QUEUE_CALL, QUEUE_CALL.OFFICE)",
                "tx.deleteFrom(Tables.CASE_FILE)", "\"UPDATE case_file SET status = ?\"", "\"insert into \\\"queue_call\\\" values\"")) {
            assertThat(WRITE.matcher(s).find()).as(s).isTrue();
        }
        for (String s : List.of("ctx.selectFrom(CASE_FILE)", "update(CASE_REJECTION_REASON)", "\"select * from case_file\"")) {
            assertThat(WRITE.matcher(s).find()).as(s).isFalse();
        }
    }
}
