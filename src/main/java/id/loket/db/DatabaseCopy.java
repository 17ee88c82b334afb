package id.loket.db;

import id.loket.common.model.UserFacingException;
import id.loket.db.jooq.DefaultSchema;
import id.loket.db.jooq.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Identity;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves an office's data from one Loket database into another of the same schema version, e.g. a
 * one-counter office's H2 file onto the office's PostgreSQL server: every table, rows in key order
 * (so the outbox keeps its order and the audit chain its numbers and hashes), in one transaction
 * on the target: all of it arrives, or nothing.
 *
 * <p>The target must hold no office data yet: only what the migrations themselves put there (the
 * seeded holidays and fee settings, the audit chain's empty head), which the source's rows then
 * replace.
 */
public final class DatabaseCopy {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCopy.class);
    private static final int BATCH = 500;

    /** Tables whose rows mean the target already holds an office's data. */
    private static final List<Table<?>> OFFICE_DATA = List.of(Tables.APPOINTMENT, Tables.CASE_FILE, Tables.STAFF, Tables.OUTBOX_EVENT,
            Tables.AUDIT_LOG, Tables.SYNC_CURSOR);

    /** Sign-ins belong to the PC that made them: on the server everyone signs in again. */
    private static final Set<String> NOT_COPIED = Set.of("staff_session");

    private DatabaseCopy() {
    }

    /** What was copied, table by table, in the order copied. */
    public record Copied(Map<String, Integer> rows) {
        public int total() {
            return rows.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Copies every table of {@code from} into {@code to}; refuses a target that already holds office data. */
    public static Copied copy(Database from, Database to, Object toWhere) {
        for (Table<?> t : OFFICE_DATA) {
            if (to.dsl().fetchExists(t)) {
                throw new UserFacingException("dbcopy.targetNotEmpty", toWhere, t.getName().toLowerCase(java.util.Locale.ROOT));
            }
        }
        List<Table<?>> order = inKeyOrder(tables());
        Map<String, Integer> copied = new LinkedHashMap<>();
        // one snapshot of the source, one transaction on the target
        from.inTransactionRun(src -> to.inTransactionRun(dst -> {
            for (int i = order.size() - 1; i >= 0; i--) {
                dst.deleteFrom(order.get(i)).execute(); // seeded rows the source's replace, children first
            }
            for (Table<?> t : order) {
                copied.put(t.getName().toLowerCase(java.util.Locale.ROOT), copyTable(src, dst, t));
            }
            if (to.dialect().family() == SQLDialect.POSTGRES) {
                for (Table<?> t : order) {
                    restartIdentity(dst, t);
                }
            }
        }));
        LOG.info("Copied {} rows in {} tables to {}", copied.values().stream().mapToInt(Integer::intValue).sum(), copied.size(), toWhere);
        return new Copied(copied);
    }

    /** The schema's tables (not its views). */
    static List<Table<?>> tables() {
        List<Table<?>> list = new ArrayList<>();
        for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            if (t.getTableType().isTable() && !t.getName().equalsIgnoreCase("flyway_schema_history") && !NOT_COPIED.contains(t.getName().toLowerCase(java.util.Locale.ROOT))) {
                list.add(t);
            }
        }
        return list;
    }

    /** Parents before children, so every foreign key finds its row. */
    static List<Table<?>> inKeyOrder(List<Table<?>> tables) {
        Set<Table<?>> done = new LinkedHashSet<>();
        for (Table<?> t : tables) {
            visit(t, tables, done, new LinkedHashSet<>());
        }
        return new ArrayList<>(done);
    }

    private static void visit(Table<?> t, List<Table<?>> all, Set<Table<?>> done, Set<Table<?>> path) {
        if (done.contains(t) || !path.add(t)) {
            return;
        }
        for (ForeignKey<?, ?> fk : t.getReferences()) {
            Table<?> parent = fk.getKey().getTable();
            all.stream().filter(a -> a.getName().equalsIgnoreCase(parent.getName()) && a != t).findFirst()
                    .ifPresent(p -> visit(p, all, done, path));
        }
        done.add(t);
    }

    private static int copyTable(DSLContext src, DSLContext dst, Table<?> t) {
        List<TableRecord<?>> batch = new ArrayList<>(BATCH);
        int n = 0;
        var pk = t.getPrimaryKey();
        var select = src.selectFrom(t);
        try (Cursor<? extends Record> rows = (pk != null ? select.orderBy(pk.getFields()) : select).fetchSize(BATCH).fetchLazy()) {
            for (Record r : rows) {
                TableRecord<?> copy = (TableRecord<?>) dst.newRecord(t);
                for (Field<?> f : t.fields()) {
                    set(copy, f, r);
                }
                copy.changed(true);
                batch.add(copy);
                n++;
                if (batch.size() == BATCH) {
                    dst.batchInsert(batch).execute();
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            dst.batchInsert(batch).execute();
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(Record into, Field<T> f, Record from) {
        into.set(f, from.get(f));
    }

    /** After ids were copied as they were, the server's identity goes on after the highest one. */
    private static void restartIdentity(DSLContext dst, Table<?> t) {
        Identity<?, ?> id = t.getIdentity();
        if (id == null) {
            return;
        }
        String table = t.getName().toLowerCase(java.util.Locale.ROOT);
        String column = id.getField().getName().toLowerCase(java.util.Locale.ROOT);
        dst.fetch("SELECT setval(pg_get_serial_sequence({0}, {1}), COALESCE((SELECT MAX(" + column + ") FROM " + table + "), 0) + 1, false)",
                DSL.inline(table), DSL.inline(column));
    }
}
