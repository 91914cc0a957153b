package dev.pcorders.application.shared.port.out;

import dev.pcorders.domain.shared.SyncScope;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.SyncRunId;
import java.util.Iterator;

/**
 * The cached view of one resource, as a sync replaces it: one current view of each item, whatever scope brought it.
 * Every method may throw {@link StoreException}; no driver exception crosses this port.
 *
 * @param <S> the resource's scope
 * @param <T> the resource's item
 */
public interface SnapshotStore<S extends SyncScope, T> {

    /**
     * Replaces what {@code scope} covers with the items in {@code pages}, in one transaction: items present become
     * their current view, covered items no longer present are marked removed by {@code run} (and kept), and every
     * difference from the previous view goes to the resource's change log. Pages are consumed one at a time inside
     * the transaction. If anything fails, the iterator included, nothing is changed and the exception propagates as
     * thrown (a {@link PartnerCenterException} from the iterator stays one).
     *
     * @throws IllegalArgumentException when {@code run} was started for another scope
     */
    SnapshotSummary replaceSnapshot(SyncRunId run, S scope, Iterator<Page<T>> pages);
}
