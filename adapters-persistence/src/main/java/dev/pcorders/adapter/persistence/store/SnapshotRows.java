package dev.pcorders.adapter.persistence.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * What {@link SnapshotWriter} needs of one resource for one snapshot: the item's key, how an item becomes rows and
 * rows become a view again, how two views compare, and which stored items the scope covers. Made for one snapshot
 * (it holds the prepared INSERTs of the item's rows, the scope and the run's start); the writer closes it.
 *
 * @param <T> the item as the gateway fetched it (an {@code Order})
 * @param <R> the record of the item table (a {@code StoredOrderRecord})
 * @param <V> the view the cache keeps of an item (a {@code CachedOrder})
 */
public interface SnapshotRows<T, R extends Record, V> extends AutoCloseable {

    ItemKey keyOf(T item);

    /** The views of these current rows, read back in full, in the same order. */
    List<V> read(DSLContext tx, List<R> rows);

    /** The view this sync stores of {@code item}, given the view the cache holds (a sync without prices keeps them). */
    V afterSync(T item, Optional<V> before);

    /** What differs from the view before: one {@link ItemChange#ADDED} when there was none. */
    List<ItemChange> compare(Optional<V> before, V after);

    /** Queues the rows of {@code view} (nested rows included) under {@code rowId} until {@link #executeRows}. */
    void addRows(long rowId, long scopeId, long runId, V view);

    void executeRows();

    /**
     * After the rows of a page are written: remember what the scope alone cannot tell later. Nothing by default: a
     * scope without filters covers its owner's items whatever a page held.
     */
    default void pageWritten(DSLContext tx, Set<ItemKey> keys) {
    }

    /**
     * Which current items of the scope's owner the scope covers, as a condition on the item table. All of them by
     * default, as for a scope without filters (the writer already restricts to the owner).
     */
    default Condition covered() {
        return DSL.trueCondition();
    }

    /** The before value of a {@link ItemChange#REMOVED} change, a column of the item table. */
    Field<String> removedBefore();

    /**
     * After the items matching {@code removedNow} were marked removed by this run, before any row is deleted. Nothing
     * by default, for a resource that keeps nothing about its items beside their rows.
     */
    default void itemsRemoved(DSLContext tx, Condition removedNow) {
    }

    /**
     * The nested items (line items of orders) of the items matching {@code items}; none by default. What is part of
     * an item (a subscription's refund options) is not nested: the run counts it with its item.
     */
    default long countNested(DSLContext tx, Condition items) {
        return 0;
    }

    /** Releases the prepared INSERTs. */
    @Override
    void close();
}
