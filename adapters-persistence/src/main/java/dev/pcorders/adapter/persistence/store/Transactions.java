package dev.pcorders.adapter.persistence.store;

import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * The transactions of one cache, whatever database holds it. A write transaction is all or nothing; a read transaction
 * sees one committed state for all its queries, so a reader never sees half a snapshot.
 */
public interface Transactions {

    /**
     * Runs {@code work} in one write transaction. Whatever {@code work} throws rolls the transaction back and propagates
     * as the same object (a Partner Center failure from a page iterator stays one); only database failures are
     * translated, into a {@link dev.pcorders.application.shared.port.out.StoreException}.
     */
    <T> T inWriteTransaction(String action, Function<DSLContext, T> work);

    /** Runs {@code work} in one read-only transaction whose queries all see the same committed state. */
    <T> T inReadTransaction(String action, Function<DSLContext, T> work);

    /**
     * Inside a write transaction: makes it the only one writing the items of {@code items} until it ends, so that the
     * ids a snapshot gives its rows (the highest so far, plus one) and its comparison with the previous snapshot hold
     * against writers in other processes.
     */
    void lockForSnapshot(DSLContext tx, Table<?> items);

    /** What the write transactions so far cost in time on the database's write lock or locks. */
    WriteLockUse writeLockUse();
}
