package dev.pcorders.adapter.persistence.store;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Hands every matching item to an action, a batch of rows at a time, all in one deferred read transaction: every
 * batch sees the state the first one saw while syncs commit, and each batch seeks past the last row of the one
 * before instead of counting an OFFSET, so memory and time per batch stay flat however large the cache.
 *
 * @param <R> the record of the item table
 * @param <V> what the reader makes of the rows
 */
public final class KeysetBatches<R extends Record, V> {

    /** How the resource pages its item table: the first batch, the batch after a row, and the rows read back. */
    public interface Queries<R extends Record, V> {
        List<R> first(DSLContext dsl, int size);

        List<R> after(DSLContext dsl, R last, int size);

        List<V> read(DSLContext dsl, List<R> rows);
    }

    private final Transactions transactions;
    private final int batchSize;

    public KeysetBatches(Transactions transactions, int batchSize) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** An exception from {@code action} stops the reading and propagates as thrown. */
    public void forEach(String what, Queries<R, V> queries, Consumer<V> action) {
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(action, "action");
        transactions.inReadTransaction("read " + what, dsl -> {
            List<R> batch = queries.first(dsl, batchSize);
            while (!batch.isEmpty()) {
                queries.read(dsl, batch).forEach(action);
                if (batch.size() < batchSize) {
                    break;
                }
                batch = queries.after(dsl, batch.get(batch.size() - 1), batchSize);
            }
            return null;
        });
    }
}
