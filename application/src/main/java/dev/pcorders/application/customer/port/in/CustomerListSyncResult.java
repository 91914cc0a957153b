package dev.pcorders.application.customer.port.in;

import dev.pcorders.application.shared.port.in.SyncFailure;
import dev.pcorders.domain.shared.SyncRunId;
import java.util.Objects;

/** How a sync of the partner's customer list ended. */
public sealed interface CustomerListSyncResult {

    /** The run recorded in the cache. */
    SyncRunId run();

    default boolean succeeded() {
        return this instanceof Succeeded;
    }

    /** The new list is stored; {@code customers} counts it, the others count what differs from the previous one. */
    record Succeeded(SyncRunId run, long pages, long customers, long added, long changed, long removed)
            implements CustomerListSyncResult {

        public Succeeded {
            Objects.requireNonNull(run, "run");
            if (pages < 0 || customers < 0 || added < 0 || changed < 0 || removed < 0) {
                throw new IllegalArgumentException("sync counts must not be negative");
            }
        }
    }

    /** Nothing was stored; the previously cached list is untouched. */
    record Failed(SyncRunId run, SyncFailure failure) implements CustomerListSyncResult {

        public Failed {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(failure, "failure");
        }
    }
}
