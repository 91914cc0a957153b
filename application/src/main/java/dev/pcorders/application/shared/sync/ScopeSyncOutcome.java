package dev.pcorders.application.shared.sync;

import dev.pcorders.application.shared.port.in.SyncFailure;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.domain.shared.SyncScope;
import dev.pcorders.domain.shared.SyncRunId;
import java.util.Objects;
import java.util.Optional;

/** How the sync of one scope ended, for a resource's use case to report in its own terms. */
public sealed interface ScopeSyncOutcome<S extends SyncScope> {

    S scope();

    /**
     * The new view is stored. {@code previousScope} is the scope of the owner's last successful sync of the
     * same resource before this one, if any.
     */
    record Succeeded<S extends SyncScope>(S scope, Optional<S> previousScope, SyncRunId run, SnapshotSummary summary)
            implements ScopeSyncOutcome<S> {

        public Succeeded {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(previousScope, "previousScope");
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(summary, "summary");
        }
    }

    /** Partner Center failed this scope; nothing was stored and its previous view is untouched. */
    record Failed<S extends SyncScope>(S scope, SyncRunId run, SyncFailure failure) implements ScopeSyncOutcome<S> {

        public Failed {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(failure, "failure");
        }
    }
}
