package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.shared.CustomerId;
import java.util.List;

/**
 * Which customers the subscription-level kinds were looked for. The check is {@linkplain #isInPlay() in play} when
 * any reconciled customer's subscriptions are cached; otherwise the report reads as an order-only one, and says
 * nothing of subscriptions. In play, a customer is checked when its subscriptions are cached and at least one of its
 * partner ledger rows names a subscription: with either side missing every active subscription would look unbilled
 * (or every billed one unknown), so nothing subscription-level is reported for it and it is listed here instead, under
 * the first reason that applies.
 */
public record SubscriptionCheck(List<CustomerId> checked, List<CustomerId> withoutCachedSubscriptions,
                                List<CustomerId> withoutSubscriptionsInLedger) {

    /** No subscription of a reconciled customer is cached: an order-only reconciliation. */
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
