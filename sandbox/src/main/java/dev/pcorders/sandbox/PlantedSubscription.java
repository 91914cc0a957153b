package dev.pcorders.sandbox;

import java.util.Objects;

/**
 * A subscription the sandbox serves with a planted difference from what its invoice reconciliation export bills.
 *
 * @param kind                 which difference
 * @param customerId           the customer's tenant id (lower-case GUID)
 * @param subscriptionId       the subscription's id, as the subscriptions endpoint serves it and the export's
 *                             SubscriptionId column carries it
 * @param orderId              the order that created it (its line item names the subscription)
 * @param offerId              {@code PRODUCT:SKU:AVAILABILITY}
 * @param status               the status the subscriptions endpoint serves ({@code active} or {@code suspended})
 * @param subscriptionQuantity the seats the subscriptions endpoint serves
 * @param billedQuantity       the quantity the export bills for it: 0 for {@link Kind#NOT_BILLED}, the order line's
 *                             quantity otherwise
 */
public record PlantedSubscription(Kind kind, String customerId, String subscriptionId, String orderId, String offerId,
                                  String status, int subscriptionQuantity, int billedQuantity) {

    /** The planted differences between subscriptions and the invoice. */
    public enum Kind {
        /** An active subscription the export has no row for (its order line is not billed). */
        NOT_BILLED,
        /** A suspended subscription whose order line the export still bills. */
        SUSPENDED_BUT_BILLED,
        /** An active subscription whose seat count differs from the quantity the export bills. */
        SEAT_DRIFT
    }

    public PlantedSubscription {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(status, "status");
    }
}
