package dev.pcorders.application.subscription.service;

import dev.pcorders.application.shared.port.in.SyncProgress;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.application.shared.sync.CustomerByCustomerSync;
import dev.pcorders.application.shared.sync.ScopeSyncOutcome;
import dev.pcorders.application.shared.sync.SyncConcurrency;
import dev.pcorders.application.subscription.port.in.SubscriptionSyncResult;
import dev.pcorders.application.subscription.port.in.SyncSubscriptionsCommand;
import dev.pcorders.application.subscription.port.in.SyncSubscriptionsResult;
import dev.pcorders.application.subscription.port.in.SyncSubscriptionsUseCase;
import dev.pcorders.application.subscription.port.out.SubscriptionGateway;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionScope;
import java.time.Clock;
import java.util.Objects;

/** Syncs subscriptions with the shared {@link CustomerByCustomerSync} and reports each customer in subscription terms. */
public final class SyncSubscriptionsService implements SyncSubscriptionsUseCase {

    private final CustomerByCustomerSync<SubscriptionScope, Subscription> sync;

    public SyncSubscriptionsService(SubscriptionGateway gateway, SnapshotStore<SubscriptionScope, Subscription> snapshots,
                                    SyncRunLog runLog, Clock clock) {
        this(gateway, snapshots, runLog, clock, SyncConcurrency.SEQUENTIAL);
    }

    public SyncSubscriptionsService(SubscriptionGateway gateway, SnapshotStore<SubscriptionScope, Subscription> snapshots,
                                    SyncRunLog runLog, Clock clock, SyncConcurrency concurrency) {
        this.sync = new CustomerByCustomerSync<>(gateway, snapshots, runLog, SubscriptionScope::fromKey, clock,
                concurrency);
    }

    @Override
    public SyncSubscriptionsResult syncSubscriptions(SyncSubscriptionsCommand command) {
        return syncSubscriptions(command, SyncProgress.NONE);
    }

    @Override
    public SyncSubscriptionsResult syncSubscriptions(SyncSubscriptionsCommand command, SyncProgress progress) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(progress, "progress");
        CorrelationId correlationId = command.correlationId().orElseGet(CorrelationId::random);
        return new SyncSubscriptionsResult(correlationId, sync.sync(command.scopes(), correlationId, progress).stream()
                .map(SyncSubscriptionsService::toResult)
                .toList());
    }

    private static SubscriptionSyncResult toResult(ScopeSyncOutcome<SubscriptionScope> outcome) {
        if (outcome instanceof ScopeSyncOutcome.Succeeded<SubscriptionScope> succeeded) {
            SnapshotSummary summary = succeeded.summary();
            return new SubscriptionSyncResult.Succeeded(succeeded.scope(), succeeded.run(), summary.pages(),
                    summary.items(), summary.added(), summary.changed(), summary.removed());
        }
        ScopeSyncOutcome.Failed<SubscriptionScope> failed = (ScopeSyncOutcome.Failed<SubscriptionScope>) outcome;
        return new SubscriptionSyncResult.Failed(failed.scope(), failed.run(), failed.failure());
    }
}
