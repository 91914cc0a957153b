package dev.pcorders.application.order.service;

import dev.pcorders.application.order.port.in.CustomerSyncResult;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.in.SyncOrdersUseCase;
import dev.pcorders.application.order.port.in.SyncResult;
import dev.pcorders.application.order.port.out.OrderGateway;
import dev.pcorders.application.shared.port.in.SyncProgress;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.application.shared.sync.CustomerByCustomerSync;
import dev.pcorders.application.shared.sync.ScopeSyncOutcome;
import dev.pcorders.application.shared.sync.SyncConcurrency;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CorrelationId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Syncs orders with the shared {@link CustomerByCustomerSync} and reports each customer in order terms. */
public final class SyncOrdersService implements SyncOrdersUseCase {

    private final CustomerByCustomerSync<OrderScope, Order> sync;

    public SyncOrdersService(OrderGateway gateway, SnapshotStore<OrderScope, Order> snapshots, SyncRunLog runLog,
                             Clock clock) {
        this(gateway, snapshots, runLog, clock, SyncConcurrency.SEQUENTIAL);
    }

    public SyncOrdersService(OrderGateway gateway, SnapshotStore<OrderScope, Order> snapshots, SyncRunLog runLog,
                             Clock clock, SyncConcurrency concurrency) {
        this.sync = new CustomerByCustomerSync<>(gateway, snapshots, runLog, OrderScope::fromKey, clock, concurrency);
    }

    @Override
    public SyncResult syncOrders(SyncOrdersCommand command) {
        return syncOrders(command, SyncProgress.NONE);
    }

    @Override
    public SyncResult syncOrders(SyncOrdersCommand command, SyncProgress progress) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(progress, "progress");
        CorrelationId correlationId = command.correlationId().orElseGet(CorrelationId::random);
        List<CustomerSyncResult> results = sync.sync(command.scopes(), correlationId, progress).stream()
                .map(SyncOrdersService::toResult)
                .toList();
        return new SyncResult(correlationId, results);
    }

    private static CustomerSyncResult toResult(ScopeSyncOutcome<OrderScope> outcome) {
        if (outcome instanceof ScopeSyncOutcome.Succeeded<OrderScope> succeeded) {
            SnapshotSummary summary = succeeded.summary();
            return new CustomerSyncResult.Succeeded(succeeded.scope(), succeeded.previousScope(), Optional.of(succeeded.run()),
                    summary.pages(), summary.items(), summary.nestedItems(), summary.added(), summary.changed(),
                    summary.removed());
        }
        ScopeSyncOutcome.Failed<OrderScope> failed = (ScopeSyncOutcome.Failed<OrderScope>) outcome;
        return new CustomerSyncResult.Failed(failed.scope(), Optional.of(failed.run()), failed.failure());
    }
}
