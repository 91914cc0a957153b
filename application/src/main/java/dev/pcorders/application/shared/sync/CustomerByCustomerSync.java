package dev.pcorders.application.shared.sync;

import dev.pcorders.application.shared.port.in.SyncProgress;
import dev.pcorders.application.shared.port.out.PageSource;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.CustomerScope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Syncs one customer-scoped resource customer by customer: each scope is fetched from its {@link PageSource} and
 * stored through its {@link SnapshotStore}, as one run in the {@link SyncRunLog}. A Partner Center failure of one
 * customer is recorded as that customer's failed run and the sync goes on with the next; a failure of the cache
 * itself stops the sync, since every following customer would hit it too. A resource's use case wraps this and
 * reports the outcomes in its own terms.
 *
 * @param <S> the resource's scope
 * @param <T> the resource's item
 */
public final class CustomerByCustomerSync<S extends CustomerScope, T> {

    private final ScopeRun<S, T> scopeRun;
    private final SyncRunLog runLog;
    private final BiFunction<CustomerId, String, S> scopeFromKey;

    /** {@code scopeFromKey} reads a scope back from its {@link CustomerScope#key()}. */
    public CustomerByCustomerSync(PageSource<S, T> source, SnapshotStore<S, T> store, SyncRunLog runLog,
                                  BiFunction<CustomerId, String, S> scopeFromKey, Clock clock) {
        this.runLog = Objects.requireNonNull(runLog, "runLog");
        this.scopeRun = new ScopeRun<>(Objects.requireNonNull(source, "source"), Objects.requireNonNull(store, "store"),
                runLog, Objects.requireNonNull(clock, "clock"));
        this.scopeFromKey = Objects.requireNonNull(scopeFromKey, "scopeFromKey");
    }

    /** Syncs {@code scopes} in turn, every request carrying {@code correlationId}. */
    public List<ScopeSyncOutcome<S>> sync(List<S> scopes, CorrelationId correlationId, SyncProgress progress) {
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(progress, "progress");
        List<ScopeSyncOutcome<S>> outcomes = new ArrayList<>(scopes.size());
        for (S scope : scopes) {
            outcomes.add(syncOne(scope, correlationId, progress));
        }
        return outcomes;
    }

    private ScopeSyncOutcome<S> syncOne(S scope, CorrelationId correlationId, SyncProgress progress) {
        Optional<S> previousScope = runLog.lastSucceededScopeKey(scope.kind(), scope.customer())
                .map(key -> scopeFromKey.apply(scope.customer(), key));
        return scopeRun.run(scope, previousScope, correlationId,
                pages -> ProgressReportingPages.of(pages, scope.customer(), progress));
    }
}
