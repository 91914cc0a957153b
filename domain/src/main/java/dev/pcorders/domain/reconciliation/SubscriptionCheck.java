package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.shared.CustomerId;
import java.util.List;

/**
 * Which customers the subscription-level kinds were looked for. A customer is checked when its subscriptions are
 * cached and at least one of its ledger rows names a subscription: with either side missing, every active
 * subscription would look unbilled (or every billed one unknown), so nothing subscription-level is reported for it
 * and it is listed here instead, under the first reason that applies. When no customer has either side the check is
 * not {@linkplain #isInPlay() in play} at all and the report reads as an order-only one.
 */
public record SubscriptionCheck(List<CustomerId> checked, List<CustomerId> withoutCachedSubscriptions,
                                List<CustomerId> withoutSubscriptionsInLedger) {

    /** No subscriptions cached and none named in the ledger: an order-only reconciliation. */
    public static final SubscriptionCheck NOT_IN_PLAY = new SubscriptionCheck(List.of(), List.of(), List.of());

    public SubscriptionCheck {
        checked = List.copyOf(checked);
        withoutCachedSubscriptions = List.copyOf(withoutCachedSubscriptions);
        withoutSubscriptionsInLedger = List.copyOf(withoutSubscriptionsInLedger);
    }

    /** Whether subscriptions took part for any customer: then the report counts the subscription-level kinds too. */
    public boolean isInPlay() {
        return !checked.isEmpty() || !withoutCachedSubscriptions.isEmpty() || !withoutSubscriptionsInLedger.isEmpty();
    }

    /** Whether some customer was left out of the check (the report says so in a note). */
    public boolean leftSomeOut() {
        return !withoutCachedSubscriptions.isEmpty() || !withoutSubscriptionsInLedger.isEmpty();
    }
}
