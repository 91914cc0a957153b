package dev.pcorders.application.customer.port.in;

import dev.pcorders.domain.customer.CustomerChange;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.SyncRunId;
import java.util.List;
import java.util.Optional;

/** What customer list syncs found added, changed or removed, oldest first. */
public interface ListCustomerChangesUseCase {

    List<CustomerChange> listCustomerChanges(Optional<CustomerId> customer, Optional<SyncRunId> run);
}
