package id.loket.simulate;

import id.loket.staff.model.Session;
import id.loket.testing.TestSessions;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.service.CaseQueries;
import id.loket.casefile.service.Outbox;
import id.loket.central.sim.CentralStore;
import id.loket.db.Database;
import id.loket.sync.model.Conflict;
import id.loket.casefile.model.OutboxEntry;
import id.loket.casefile.model.OutboxState;
import id.loket.sync.repo.ConflictRepository;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a data folder's outbox holds after a simulated day, set against what central applied: the
 * checks of "nothing lost, nothing twice, in order" shared by the tests of the day with central.
 */
record OutboxAudit(List<OutboxEvent> events, List<OutboxEntry> unsent, Set<Long> openConflicts, List<CaseFile> cases) {

    static OutboxAudit read(Path data, String office, LocalDate date) {
        try (Database db = Database.openFolder(data)) {
            return read(db, office, date);
        }
    }

    /** The same from a database already open (the office's server). */
    static OutboxAudit read(Database db, String office, LocalDate date) {
        CaseQueries q = new CaseQueries(db);
        Session reader = TestSessions.reader(db);
        return new OutboxAudit(q.allEvents(reader), new Outbox(db.dsl()).unsent(),
                new ConflictRepository(db.dsl()).open().stream().map(Conflict::id).collect(Collectors.toSet()),
                q.day(reader, office, date));
    }

    long count(OutboxState state) {
        return events.stream().filter(e -> e.state().equals(state.name())).count();
    }

    List<String> sentIds() {
        return events.stream().filter(e -> e.state().equals(OutboxState.SENT.name())).map(OutboxEvent::eventId).toList();
    }

    /**
     * Every event is SENT, or HELD/FAILED behind an open conflict (never left waiting); central applied exactly the
     * SENT ones, each once, per case in the order they happened; and no applicant was checked in twice.
     */
    void assertConvergedWith(CentralStore central) {
        assertThat(events).isNotEmpty();
        assertThat(count(OutboxState.PENDING)).as("events still waiting").isZero();
        for (OutboxEntry e : unsent) {
            assertThat(e.state()).as("unsent %s", e).isIn(OutboxState.HELD, OutboxState.FAILED, OutboxState.SUPERSEDED);
            if (e.state() != OutboxState.SUPERSEDED) {
                assertThat(e.heldBy()).as("held or failed behind an open conflict: %s", e).isNotNull();
                assertThat(openConflicts).as("open conflict of %s", e).contains(e.heldBy());
            }
        }
        List<CentralStore.AppliedEvent> applied = central.appliedEvents();
        List<String> appliedIds = applied.stream().map(CentralStore.AppliedEvent::eventId).toList();
        assertThat(appliedIds).as("central applied each event once").doesNotHaveDuplicates();
        assertThat(Set.copyOf(appliedIds)).as("central applied exactly the events marked SENT").isEqualTo(Set.copyOf(sentIds()));
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (OutboxEvent e : events) {
            if (e.state().equals(OutboxState.SENT.name())) {
                expected.computeIfAbsent(e.caseRef(), k -> new ArrayList<>()).add(e.eventId());
            }
        }
        Map<String, List<String>> actual = applied.stream().collect(Collectors.groupingBy(CentralStore.AppliedEvent::caseRef,
                LinkedHashMap::new, Collectors.mapping(CentralStore.AppliedEvent::eventId, Collectors.toList())));
        assertThat(actual).as("per case, in the order they happened").isEqualTo(expected);
        assertThat(cases.stream().filter(c -> c.appointmentId() != null).collect(Collectors.groupingBy(CaseFile::appointmentId,
                Collectors.counting())).values()).as("cases per appointment").allMatch(n -> n == 1);
        assertThat(events.stream().filter(e -> e.type() == EventType.CHECKED_IN)
                .collect(Collectors.groupingBy(OutboxEvent::caseRef, Collectors.counting())).values())
                .as("check-ins per case").allMatch(n -> n == 1);
        assertThat(applied.stream().filter(e -> e.type().equals(EventType.CHECKED_IN.name()))
                .collect(Collectors.groupingBy(CentralStore.AppliedEvent::caseRef, Collectors.counting())).values())
                .as("check-ins per case at central").allMatch(n -> n == 1);
    }

    static <T> Map<String, Long> countBy(List<T> list, Function<T, String> key) {
        return list.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.counting()));
    }
}
