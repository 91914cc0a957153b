package dev.pcorders.adapter.persistence.store;

import dev.pcorders.adapter.persistence.jooq.DefaultSchema;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.shared.port.out.StoreException.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.BatchBindStep;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Copies one cache into another, every table of the schema (every resource, run, change and job), row for row with
 * their ids, in one write transaction of the target: it is all copied or none of it. Copying again copies nothing new
 * (rows already there are kept), so it may be repeated; a target that holds runs the source does not, or runs of the
 * same id that differ, is another cache and is refused before anything is written. At the end every table must hold
 * as many rows in the target as in the source, or the copy is rolled back.
 */
public final class CacheCopy {

    /** Rows per JDBC batch: large enough to cross the network rarely, small enough to keep the heap flat. */
    private static final int BATCH = 1_000;
    private static final String RUNS = "sync_run";

    /** One table's rows in the source, in the target after the copy, and how many the copy added. */
    public record TableCount(String table, long source, long target, long copied) {
    }

    private CacheCopy() {
    }

    /**
     * @throws StoreException when either cache fails, the target holds another cache's runs ({@code
     *         NOT_A_PC_ORDERS_DATABASE}), or a table's counts differ after the copy ({@code UNEXPECTED}); the target is
     *         then as it was
     */
    public static List<TableCount> copy(Transactions from, Transactions to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        List<Table<?>> tables = parentsFirst(DefaultSchema.DEFAULT_SCHEMA.getTables());
        return from.inReadTransaction("read the cache to copy", source -> to.inWriteTransaction("copy the cache",
                target -> {
                    refuseAnotherCache(source, target);
                    List<TableCount> counts = new ArrayList<>();
                    for (Table<?> table : tables) {
                        long before = target.fetchCount(table);
                        copyRows(source, target, table);
                        long inSource = source.fetchCount(table);
                        long inTarget = target.fetchCount(table);
                        if (inSource != inTarget) {
                            throw new StoreException(Reason.UNEXPECTED, "the copy of table " + table.getName() + " holds "
                                    + inTarget + " rows where the source holds " + inSource + "; nothing was copied");
                        }
                        counts.add(new TableCount(table.getName(), inSource, inTarget, inTarget - before));
                    }
                    restartIdentities(target);
                    return List.copyOf(counts);
                }));
    }

    /** Every run of the target must be the source's run of the same id: else the target is a cache of its own. */
    private static void refuseAnotherCache(DSLContext source, DSLContext target) {
        Table<?> runs = DefaultSchema.DEFAULT_SCHEMA.getTable(RUNS);
        Field<Long> runId = DSL.field(DSL.name("run_id"), Long.class);
        Field<String> correlation = DSL.field(DSL.name("correlation_id"), String.class);
        Field<String> startedAt = DSL.field(DSL.name("started_at"), String.class);
        Map<Long, String> sourceRuns = new HashMap<>();
        source.select(runId, correlation, startedAt).from(runs)
                .forEach(row -> sourceRuns.put(row.value1(), row.value2() + "|" + row.value3()));
        for (var row : target.select(runId, correlation, startedAt).from(runs).fetch()) {
            String ofSource = sourceRuns.get(row.value1());
            if (!(row.value2() + "|" + row.value3()).equals(ofSource)) {
                throw new StoreException(Reason.NOT_A_PC_ORDERS_DATABASE, "the target already holds another cache (its"
                        + " sync run " + row.value1() + " is not the source's); copy into an empty database, or into one"
                        + " this source was copied into before");
            }
        }
    }

    private static void copyRows(DSLContext source, DSLContext target, Table<?> table) {
        Field<?>[] fields = table.fields();
        List<Field<?>> params = new ArrayList<>();
        for (Field<?> field : fields) {
            params.add(DSL.param(field));
        }
        var insert = target.insertInto(table).columns(fields).values(params).onConflictDoNothing();
        try (Cursor<? extends Record> rows = source.selectFrom(table).fetchLazy()) {
            BatchBindStep batch = null;
            int inBatch = 0;
            for (Record row : rows) {
                if (batch == null) {
                    batch = target.batch(insert);
                }
                batch = batch.bind(row.intoArray());
                if (++inBatch == BATCH) {
                    batch.execute();
                    batch = null;
                    inBatch = 0;
                }
            }
            if (batch != null) {
                batch.execute();
            }
        }
    }

    /**
     * Ids the database assigns go on after the copied ones: PostgreSQL's identity sequences do not see ids inserted
     * explicitly. Asked of the target's catalog, which knows which columns are identities there.
     */
    private static void restartIdentities(DSLContext target) {
        if (target.dialect().family() != SQLDialect.POSTGRES) {
            return;
        }
        var identities = target.resultQuery("select table_name, column_name from information_schema.columns"
                + " where table_schema = current_schema() and is_identity = 'YES'").fetch();
        for (Record identity : identities) {
            String table = identity.get(0, String.class);
            String column = identity.get(1, String.class);
            target.resultQuery("select setval(pg_get_serial_sequence({0}, {1}), coalesce((select max({2}) from {3}), 0) + 1,"
                    + " false)", DSL.inline(table), DSL.inline(column), DSL.name(column), DSL.name(table)).fetch();
        }
    }

    /** Tables referred to by a foreign key come before the tables that refer to them. */
    static List<Table<?>> parentsFirst(List<Table<?>> tables) {
        Map<String, Table<?>> byName = new LinkedHashMap<>();
        tables.forEach(table -> byName.put(table.getName(), table));
        Set<String> placed = new LinkedHashSet<>();
        List<Table<?>> ordered = new ArrayList<>();
        while (ordered.size() < tables.size()) {
            boolean progress = false;
            for (Table<?> table : byName.values()) {
                if (placed.contains(table.getName())) {
                    continue;
                }
                boolean parentsPlaced = true;
                for (ForeignKey<?, ?> key : table.getReferences()) {
                    String parent = key.getKey().getTable().getName();
                    if (!parent.equals(table.getName()) && !placed.contains(parent)) {
                        parentsPlaced = false;
                    }
                }
                if (parentsPlaced) {
                    placed.add(table.getName());
                    ordered.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("the schema's foreign keys form a cycle among " + byName.keySet());
            }
        }
        return ordered;
    }
}
