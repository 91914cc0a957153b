package dev.pcorders.application.shared.sync;

import dev.pcorders.application.shared.port.out.PageSource;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.PartnerScope;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Syncs a resource of the partner's own tenant (its customer list) as one run: fetched from its {@link PageSource},
 * stored through its {@link SnapshotStore} in one transaction, recorded in the {@link SyncRunLog}. A Partner Center
 * failure is returned as a failed outcome with the previous view untouched; a failure of the cache propagates.
 *
 * @param <S> the resource's scope
 * @param <T> the resource's item
 */
public final class PartnerWideSync<S extends PartnerScope, T> {

    private final ScopeRun<S, T> scopeRun;

    public PartnerWideSync(PageSource<S, T> source, SnapshotStore<S, T> store, SyncRunLog runLog, Clock clock) {
        this.scopeRun = new ScopeRun<>(Objects.requireNonNull(source, "source"), Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(runLog, "runLog"), Objects.requireNonNull(clock, "clock"),
                SyncConcurrency.DEFAULT_STAGED_ITEMS);
    }

    /** Syncs {@code scope}, every request carrying {@code correlationId}. A partner scope has no previous scope. */
    public ScopeSyncOutcome<S> sync(S scope, CorrelationId correlationId) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(correlationId, "correlationId");
        return scopeRun.run(scope, Optional.empty(), correlationId, UnaryOperator.identity());
    }
}
