package dev.pcorders.application.customer.service;

import dev.pcorders.application.customer.port.in.ListCustomerChangesUseCase;
import dev.pcorders.application.customer.port.out.CustomerChangeLog;
import dev.pcorders.domain.customer.CustomerChange;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.SyncRunId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class ListCustomerChangesService implements ListCustomerChangesUseCase {

    private final CustomerChangeLog changeLog;

    public ListCustomerChangesService(CustomerChangeLog changeLog) {
        this.changeLog = Objects.requireNonNull(changeLog, "changeLog");
    }

    @Override
    public List<CustomerChange> listCustomerChanges(Optional<CustomerId> customer, Optional<SyncRunId> run) {
        return changeLog.findChanges(Objects.requireNonNull(customer, "customer"), Objects.requireNonNull(run, "run"));
    }
}
