package dev.pcorders.application.order.port.in;

import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.ResellerId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which customers to sync and with which filters. Every customer is fetched with the same filters;
 * each gets its own scope, hence its own snapshot. Duplicated customers are synced once.
 *
 * @param correlationId sent as MS-CorrelationId on every request of the sync; a fresh one when empty
 */
public record SyncOrdersCommand(
        List<CustomerId> customers,
        Optional<ResellerId> reseller,
        Optional<BillingCycle> billingType,
        boolean includePrice,
        boolean includeSystemPurchases,
        Optional<CorrelationId> correlationId) {

    public SyncOrdersCommand {
        Objects.requireNonNull(customers, "customers");
        customers.forEach(customer -> Objects.requireNonNull(customer, "customers must not contain null"));
        customers = List.copyOf(new LinkedHashSet<>(customers));
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("a sync needs at least one customer");
        }
        Objects.requireNonNull(reseller, "reseller");
        Objects.requireNonNull(billingType, "billingType");
        Objects.requireNonNull(correlationId, "correlationId");
        if (billingType.filter(BillingCycle::isUnknown).isPresent()) {
            throw new IllegalArgumentException("billing type filter must be a known billing cycle, not UNKNOWN");
        }
    }

    /** A sync of these customers with Partner Center's defaults: no filter, no prices, no system purchases. */
    public static SyncOrdersCommand of(List<CustomerId> customers) {
        return new SyncOrdersCommand(customers, Optional.empty(), Optional.empty(), false, false, Optional.empty());
    }

    public static SyncOrdersCommand of(CustomerId... customers) {
        return of(List.of(customers));
    }

    /** The same filters for other customers, e.g. to sync one customer at a time and report progress. */
    public SyncOrdersCommand withCustomers(List<CustomerId> value) {
        return new SyncOrdersCommand(value, reseller, billingType, includePrice, includeSystemPurchases, correlationId);
    }

    public SyncOrdersCommand withReseller(ResellerId value) {
        return new SyncOrdersCommand(customers, Optional.of(value), billingType, includePrice, includeSystemPurchases, correlationId);
    }

    public SyncOrdersCommand withBillingType(BillingCycle value) {
        return new SyncOrdersCommand(customers, reseller, Optional.of(value), includePrice, includeSystemPurchases, correlationId);
    }

    public SyncOrdersCommand withPrices() {
        return new SyncOrdersCommand(customers, reseller, billingType, true, includeSystemPurchases, correlationId);
    }

    public SyncOrdersCommand withSystemPurchases() {
        return new SyncOrdersCommand(customers, reseller, billingType, includePrice, true, correlationId);
    }

    public SyncOrdersCommand withCorrelationId(CorrelationId value) {
        return new SyncOrdersCommand(customers, reseller, billingType, includePrice, includeSystemPurchases, Optional.of(value));
    }

    /** One scope per customer, in the order the customers were given. */
    public List<OrderScope> scopes() {
        List<OrderScope> scopes = new ArrayList<>(customers.size());
        for (CustomerId customer : customers) {
            scopes.add(new OrderScope(customer, reseller, billingType, includePrice, includeSystemPurchases));
        }
        return List.copyOf(scopes);
    }
}
