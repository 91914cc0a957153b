package dev.pcorders.application.customer.service;

import dev.pcorders.application.customer.port.in.CustomerListSyncResult;
import dev.pcorders.application.customer.port.in.SyncCustomersUseCase;
import dev.pcorders.application.customer.port.out.CustomerGateway;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.application.shared.sync.PartnerWideSync;
import dev.pcorders.application.shared.sync.ScopeSyncOutcome;
import dev.pcorders.domain.customer.Customer;
import dev.pcorders.domain.customer.CustomerListScope;
import dev.pcorders.domain.shared.CorrelationId;
import java.time.Clock;
import java.util.Objects;

/** Syncs the customer list with the shared {@link PartnerWideSync} and reports it in customer terms. */
public final class SyncCustomersService implements SyncCustomersUseCase {

    private final PartnerWideSync<CustomerListScope, Customer> sync;

    public SyncCustomersService(CustomerGateway gateway, SnapshotStore<CustomerListScope, Customer> snapshots,
                                SyncRunLog runLog, Clock clock) {
        this.sync = new PartnerWideSync<>(gateway, snapshots, runLog, clock);
    }

    @Override
    public CustomerListSyncResult syncCustomers(CorrelationId correlationId) {
        Objects.requireNonNull(correlationId, "correlationId");
        ScopeSyncOutcome<CustomerListScope> outcome = sync.sync(CustomerListScope.ALL, correlationId);
        if (outcome instanceof ScopeSyncOutcome.Succeeded<CustomerListScope> succeeded) {
            SnapshotSummary summary = succeeded.summary();
            return new CustomerListSyncResult.Succeeded(succeeded.run(), summary.pages(), summary.items(),
                    summary.added(), summary.changed(), summary.removed());
        }
        ScopeSyncOutcome.Failed<CustomerListScope> failed = (ScopeSyncOutcome.Failed<CustomerListScope>) outcome;
        return new CustomerListSyncResult.Failed(failed.run(), failed.failure());
    }
}
