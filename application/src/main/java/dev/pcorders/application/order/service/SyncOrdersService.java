package dev.pcorders.application.order.service;

import dev.pcorders.application.order.port.in.CustomerSyncResult;
import dev.pcorders.application.order.port.in.SyncFailure;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.in.SyncOrdersUseCase;
import dev.pcorders.application.order.port.in.SyncProgress;
import dev.pcorders.application.order.port.in.SyncResult;
import dev.pcorders.application.order.port.out.OrderGateway;
import dev.pcorders.application.order.port.out.OrderRepository;
import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.order.port.out.SnapshotSummary;
import dev.pcorders.application.order.port.out.SyncRunOutcome;
import dev.pcorders.domain.order.OrderPage;
import dev.pcorders.domain.order.OrderQuery;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.order.SyncRunId;
import dev.pcorders.domain.shared.CorrelationId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Syncs customer by customer. A Partner Center failure of one customer is recorded as that
 * customer's failed run and the sync goes on with the next; a failure of the cache itself stops the
 * sync, since every following customer would hit it too.
 */
public final class SyncOrdersService implements SyncOrdersUseCase {

    private final OrderGateway gateway;
    private final OrderRepository repository;
    private final Clock clock;

    public SyncOrdersService(OrderGateway gateway, OrderRepository repository, Clock clock) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
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
        List<CustomerSyncResult> results = new ArrayList<>();
        for (OrderScope scope : command.scopes()) {
            results.add(syncOne(scope, correlationId, progress));
        }
        return new SyncResult(correlationId, results);
    }

    private CustomerSyncResult syncOne(OrderScope scope, CorrelationId correlationId, SyncProgress progress) {
        Optional<OrderScope> previousScope = repository.lastSucceededScope(scope.customer());
        SyncRunId run = repository.startRun(scope, correlationId, clock.instant());
        SnapshotSummary summary;
        try (Stream<OrderPage> pages = gateway.fetchOrders(new OrderQuery(scope, correlationId))) {
            summary = repository.replaceSnapshot(run, scope, ProgressReportingPages.of(pages.iterator(), scope.customer(), progress));
        } catch (PartnerCenterException failure) {
            repository.finishRun(run, SyncRunOutcome.failed(clock.instant(), failure.getMessage()));
            return new CustomerSyncResult.Failed(scope, Optional.of(run), toSyncFailure(failure));
        } catch (RuntimeException unexpected) {
            recordFailureQuietly(run, unexpected);
            throw unexpected;
        }
        repository.finishRun(run, SyncRunOutcome.succeeded(clock.instant(), summary));
        return new CustomerSyncResult.Succeeded(scope, previousScope, Optional.of(run), summary.pages(), summary.orders(),
                summary.lineItems(), summary.added(), summary.changed(), summary.removed());
    }

    /** Best effort: the run should say it failed, but the original failure is what the caller must see. */
    private void recordFailureQuietly(SyncRunId run, RuntimeException failure) {
        try {
            String reason = failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
            repository.finishRun(run, SyncRunOutcome.failed(clock.instant(), reason));
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }

    static SyncFailure toSyncFailure(PartnerCenterException failure) {
        PartnerCenterError error = failure.error();
        return new SyncFailure(kindOf(failure), failure.getMessage(), error.httpStatus(), error.code(),
                error.correlationId(), error.requestId());
    }

    private static SyncFailure.Kind kindOf(PartnerCenterException failure) {
        // Java 17 has no pattern switch; the sealed hierarchy keeps this list complete.
        if (failure instanceof PartnerCenterException.BadRequest) {
            return SyncFailure.Kind.BAD_REQUEST;
        } else if (failure instanceof PartnerCenterException.Unauthorized) {
            return SyncFailure.Kind.UNAUTHORIZED;
        } else if (failure instanceof PartnerCenterException.Forbidden) {
            return SyncFailure.Kind.FORBIDDEN;
        } else if (failure instanceof PartnerCenterException.NotFound) {
            return SyncFailure.Kind.NOT_FOUND;
        } else if (failure instanceof PartnerCenterException.Conflict) {
            return SyncFailure.Kind.CONFLICT;
        } else if (failure instanceof PartnerCenterException.Throttled) {
            return SyncFailure.Kind.THROTTLED;
        } else if (failure instanceof PartnerCenterException.Unavailable) {
            return SyncFailure.Kind.UNAVAILABLE;
        } else {
            return SyncFailure.Kind.MALFORMED_RESPONSE;
        }
    }
}
