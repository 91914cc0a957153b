package dev.pcorders.sandbox;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The query parameters of {@code GET /v1/customers/{id}/orders}, for writing a collection without a server.
 *
 * @param indirectResellerId only orders whose line items carry this partnerIdOnRecord
 * @param billingCycleCode   only orders of this BillingCycleType integer (1 monthly, 2 annual, ... 6 biennial)
 * @param includePrice       write {@code pricing} and {@code totalPrice}
 * @param includeSystemPurchases also write orders of transactionType SystemPurchase and SystemBilling
 */
public record OrdersQuery(Optional<String> indirectResellerId, OptionalInt billingCycleCode, boolean includePrice,
                          boolean includeSystemPurchases) {

    public OrdersQuery {
        Objects.requireNonNull(indirectResellerId, "indirectResellerId");
        Objects.requireNonNull(billingCycleCode, "billingCycleCode");
    }

    /** No parameter: what a request without a query string gets. */
    public static OrdersQuery plain() {
        return new OrdersQuery(Optional.empty(), OptionalInt.empty(), false, false);
    }

    /** Everything, with prices: what a full sync asks for. */
    public static OrdersQuery everythingPriced() {
        return new OrdersQuery(Optional.empty(), OptionalInt.empty(), true, true);
    }

    public OrdersQuery withIncludePrice(boolean value) {
        return new OrdersQuery(indirectResellerId, billingCycleCode, value, includeSystemPurchases);
    }

    public OrdersQuery withIncludeSystemPurchases(boolean value) {
        return new OrdersQuery(indirectResellerId, billingCycleCode, includePrice, value);
    }

    public OrdersQuery withIndirectResellerId(String value) {
        return new OrdersQuery(Optional.of(value), billingCycleCode, includePrice, includeSystemPurchases);
    }

    public OrdersQuery withBillingCycleCode(int value) {
        return new OrdersQuery(indirectResellerId, OptionalInt.of(value), includePrice, includeSystemPurchases);
    }

    /** A stable text of the filters, so a continuation token can be tied to the query it continues. */
    String filterKey() {
        return indirectResellerId.orElse("") + "|" + (billingCycleCode.isPresent() ? billingCycleCode.getAsInt() : "")
                + "|" + includePrice + "|" + includeSystemPurchases;
    }
}
