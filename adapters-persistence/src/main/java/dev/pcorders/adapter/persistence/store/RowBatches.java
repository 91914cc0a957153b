package dev.pcorders.adapter.persistence.store;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * The {@link RowBatch}es of one resource's tables for one snapshot, prepared on the write transaction's connection
 * in parent-to-child order, sent in that order (so every foreign key finds its row) and closed together.
 */
public final class RowBatches implements AutoCloseable {

    private final DSLContext tx;
    private final Connection connection;
    private final List<RowBatch> prepared = new ArrayList<>();

    /** {@code connection} must be the one {@code tx} runs on. */
    public RowBatches(DSLContext tx, Connection connection) {
        this.tx = tx;
        this.connection = connection;
    }

    /** Prepares the INSERT of {@code table}, after the tables prepared before it; a failure closes those first. */
    public RowBatch prepare(Table<?> table) {
        try {
            RowBatch batch = new RowBatch(tx, connection, table);
            prepared.add(batch);
            return batch;
        } catch (RuntimeException e) {
            RuntimeException failure = closeAll(e);
            throw failure;
        }
    }

    /** Sends the rows added since the last call, table by table in the order prepared. */
    public void execute() {
        prepared.forEach(RowBatch::execute);
    }

    @Override
    public void close() {
        RuntimeException failure = closeAll(null);
        if (failure != null) {
            throw failure;
        }
    }

    /** Closes every prepared batch even if some fail; returns the first failure, the others suppressed in it. */
    private RuntimeException closeAll(RuntimeException earlier) {
        RuntimeException failure = earlier;
        for (RowBatch batch : prepared) {
            try {
                batch.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        return failure;
    }
}
