package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.ResellerId;
import java.util.Objects;
import java.util.Optional;

/**
 * What one fetch of a customer's orders covers: the customer and the filters and flags it was asked
 * with. A sync stores a snapshot per scope, and only orders of the same scope can go missing from it:
 * a sync filtered by reseller must not mark another reseller's orders as removed.
 */
public record OrderScope(
        CustomerId customer,
        Optional<ResellerId> reseller,
        Optional<BillingCycle> billingType,
        boolean includePrice,
        boolean includeSystemPurchases) {

    public OrderScope {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(reseller, "reseller");
        Objects.requireNonNull(billingType, "billingType");
        if (billingType.filter(BillingCycle::isUnknown).isPresent()) {
            throw new IllegalArgumentException("billing type filter must be a known billing cycle, not UNKNOWN");
        }
    }

    /** Every order of the customer, without prices or system purchases: Partner Center's defaults. */
    public static OrderScope allOrdersOf(CustomerId customer) {
        return new OrderScope(customer, Optional.empty(), Optional.empty(), false, false);
    }

    public OrderScope withReseller(ResellerId value) {
        return new OrderScope(customer, Optional.of(value), billingType, includePrice, includeSystemPurchases);
    }

    public OrderScope withBillingType(BillingCycle value) {
        return new OrderScope(customer, reseller, Optional.of(value), includePrice, includeSystemPurchases);
    }

    public OrderScope withPrices() {
        return new OrderScope(customer, reseller, billingType, true, includeSystemPurchases);
    }

    public OrderScope withSystemPurchases() {
        return new OrderScope(customer, reseller, billingType, includePrice, true);
    }
}
