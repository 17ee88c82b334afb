package id.loket.app;

import id.loket.staff.model.Permission;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.casefile.model.OutboxEntry;
import id.loket.casefile.model.OutboxSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code loket outbox}: the support tool for "why has this not reached central?". Lists the
 * events waiting, held behind a conflict and refused as invalid (case, type, age, attempts,
 * last error, central's reason), read from the data folder without calling central.
 */
@Command(name = "outbox", mixinStandardHelpOptions = true,
        description = "List the events not yet at central: waiting, held by a conflict, refused as invalid; with age, attempts and the last error.")
final class OutboxCommand implements Callable<Integer>, CheckedOptions {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    LoketCommand root;

    @Mixin
    SignIn signIn;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "text (default) or json.")
    String format;

    @Override
    public void checkOptions() {
        json(format);
    }

    private static boolean json(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "text" -> false;
            default -> throw new UserFacingException("cli.badOutboxFormat", format);
        };
    }

    @Override
    public Integer call() {
        boolean json = json(format);
        Logging.toFolder(root.dataDir());
        try (AppContext app = root.open(Clock.systemDefaultZone(), root.messages())) {
            String office = root.office != null ? root.office : app.office().code();
            ZoneId zone = app.office().zone();
            OffsetDateTime now = OffsetDateTime.now(Clock.system(zone));
            OutboxSummary summary = app.outboxSummary(office);
            List<OutboxEntry> entries = app.unsentEvents(signIn.session(app, Permission.VIEW_OUTBOX));
            if (json) {
                writeJson(root.out(), office, summary, entries, now, zone);
            } else {
                writeText(root.out(), root.messages(), office, summary, entries, now, zone);
            }
            root.out().flush();
            return 0;
        }
    }

    static void writeText(PrintStream out, Messages m, String office, OutboxSummary s, List<OutboxEntry> entries,
            OffsetDateTime now, ZoneId zone) {
        out.println(m.get("outbox.summary", office, s.waiting(), s.held(), s.failed()));
        s.oldestWaiting().ifPresent(t -> out.println(m.get("outbox.oldest", t.atZoneSameInstant(zone).format(WHEN),
                minutes(t, now))));
        out.println(s.lastPush().map(t -> m.get("outbox.lastPush", t.atZoneSameInstant(zone).format(WHEN),
                s.lastPushProblem().orElse(m.get("outbox.lastPush.ok")))).orElse(m.get("outbox.lastPush.never")));
        if (entries.isEmpty()) {
            out.println(m.get("outbox.empty"));
            return;
        }
        out.println();
        out.println(String.join("\t", m.get("outbox.column.seq"), m.get("outbox.column.case"), m.get("outbox.column.type"),
                m.get("outbox.column.state"), m.get("outbox.column.age"), m.get("outbox.column.attempts"), m.get("outbox.column.problem")));
        for (OutboxEntry e : entries) {
            String problem = e.reason() != null ? e.reason() + (e.heldBy() != null ? " (" + m.get("outbox.conflict", e.heldBy()) + ")" : "")
                    : e.heldBy() != null ? m.get("outbox.conflict", e.heldBy())
                    : e.lastError() != null ? e.lastError() : "";
            out.println(String.join("\t", Long.toString(e.seq()), e.caseRef(), e.type(), m.name(e.state()),
                    m.get("outbox.age", minutes(e.occurredAt(), now)), Integer.toString(e.attempts()), problem));
        }
    }

    static void writeJson(PrintStream out, String office, OutboxSummary s, List<OutboxEntry> entries, OffsetDateTime now,
            ZoneId zone) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        ObjectNode root = json.createObjectNode();
        root.put("office", office);
        root.put("at", now.atZoneSameInstant(zone).toOffsetDateTime().toString());
        root.put("waiting", s.waiting());
        root.put("held", s.held());
        root.put("failed", s.failed());
        root.put("oldestWaiting", s.oldestWaiting().map(t -> t.atZoneSameInstant(zone).toOffsetDateTime().toString()).orElse(null));
        root.put("lastPush", s.lastPush().map(t -> t.atZoneSameInstant(zone).toOffsetDateTime().toString()).orElse(null));
        root.put("lastPushProblem", s.lastPushProblem().orElse(null));
        ArrayNode events = root.putArray("events");
        for (OutboxEntry e : entries) {
            ObjectNode n = events.addObject();
            n.put("seq", e.seq());
            n.put("eventId", e.eventId());
            n.put("caseRef", e.caseRef());
            n.put("type", e.type());
            n.put("occurredAt", e.occurredAt().atZoneSameInstant(zone).toOffsetDateTime().toString());
            n.put("ageMinutes", minutes(e.occurredAt(), now));
            n.put("state", e.state().name());
            n.put("attempts", e.attempts());
            n.put("lastError", e.lastError());
            n.put("reason", e.reason());
            if (e.heldBy() == null) {
                n.putNull("conflict");
            } else {
                n.put("conflict", e.heldBy());
            }
        }
        try {
            json.writeValue(out, root);
            out.println();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static long minutes(OffsetDateTime from, OffsetDateTime now) {
        return Math.max(0, Duration.between(from, now).toMinutes());
    }
}
