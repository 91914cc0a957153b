package dev.pcorders.adapter.persistence.store;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** The query a snapshot finds the stored rows of some of its items with: every version, whichever run stored it. */
public final class PreviousRows {

    private PreviousRows() {
    }

    /** Every row of {@code items} under {@code owner} whose id is one of {@code ids}, as a query on {@code tx}. */
    public static ResultQuery<? extends Record> of(DSLContext tx, ItemTable<?> items, String owner, List<String> ids) {
        if (tx.family() == SQLDialect.POSTGRES) {
            return probedOneByOne(tx, items, owner, ids);
        }
        return tx.selectFrom(items.table())
                .where(items.owner().eq(owner))
                .and(items.id().in(ids));
    }

    /**
     * Each id found through the item table's (owner, id) index. PostgreSQL's planner, given {@code owner = ? AND id IN
     * (...)} on a table it has no statistics for yet (a first snapshot, before autovacuum has analysed the table), took
     * the owner's index and rechecked every row of the owner, so each page's look-up grew with the rows stored before
     * it (700-840 ms a page at 19,000 orders). A LATERAL subquery that the planner may not flatten (OFFSET 0) can only
     * run as a nested loop, one index probe per id, whatever the planner estimates.
     */
    private static ResultQuery<? extends Record> probedOneByOne(DSLContext tx, ItemTable<?> items, String owner,
                                                                List<String> ids) {
        Table<?> wanted = DSL.unnest(ids.toArray(String[]::new)).as("wanted", "id");
        Field<String> wantedId = wanted.field("id", String.class);
        Table<?> found = tx.selectFrom(items.table())
                .where(items.owner().eq(owner))
                .and(items.id().eq(wantedId))
                .offset(0)
                .asTable("found");
        return tx.select(found.fields())
                .from(wanted)
                .crossJoin(DSL.lateral(found));
    }
}
