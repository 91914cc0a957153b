package dev.pcorders.application.shared.port.out;

import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.ResourceKind;
import dev.pcorders.domain.shared.SyncRunId;
import dev.pcorders.domain.shared.SyncScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The cache's record of sync runs, of every resource: which scope each run fetched, when, and how it ended. Runs
 * are recorded by (resource kind, owner, scope key), the owner being a customer or, for a {@code PartnerScope}, the
 * partner itself; so the log knows nothing of any resource's filters. Every method may throw {@link StoreException}.
 */
public interface SyncRunLog {

    /** Records that a sync of {@code scope} began; the run stays open until {@link #finishRun}. */
    SyncRunId startRun(SyncScope scope, CorrelationId correlationId, Instant startedAt);

    /** Closes a run opened by {@link #startRun}. */
    void finishRun(SyncRunId run, SyncRunOutcome outcome);

    /** The scope key of the customer's latest run of {@code kind} that succeeded (by start), if any. */
    Optional<String> lastSucceededScopeKey(ResourceKind kind, CustomerId customer);

    /** The distinct scope keys of the customer's runs of {@code kind} that succeeded, in no particular order. */
    List<String> succeededScopeKeys(ResourceKind kind, CustomerId customer);
}
