package dev.pcorders.domain.reconciliation;

import java.util.Arrays;
import java.util.List;

/**
 * The ways a ledger (or invoice export) and the cached Partner Center orders can disagree. The first six are
 * order-level: every reconciliation looks for them, and they alone explain amounts in the tie-out. The last three
 * are subscription-level: found only for customers whose subscriptions are cached and whose ledger rows name
 * subscriptions (see {@link SubscriptionCheck}); they look at seats, not money, so the tie-out leaves them out.
 */
public enum DiscrepancyKind {
    /** Ordered in Partner Center, never billed or recorded in the ledger. */
    MISSING_IN_LEDGER,
    /** Billed or recorded, but no cached order line has that customer, order and offer. */
    MISSING_IN_PARTNER_CENTER,
    QUANTITY_MISMATCH,
    PRICE_MISMATCH,
    CURRENCY_MISMATCH,
    /** Billed although the order is cancelled. */
    BILLED_BUT_CANCELLED,
    /** An active cached subscription of a checked customer that no ledger row names. */
    SUBSCRIPTION_NOT_BILLED,
    /**
     * Ledger rows naming a subscription that is suspended, disabled, deleted or expired, or that the customer's
     * cached subscriptions do not hold at all (unknown to Partner Center).
     */
    BILLED_SUBSCRIPTION_NOT_ACTIVE,
    /** The quantities of the ledger rows naming an active subscription add up to another number than its seats. */
    SEAT_COUNT_MISMATCH;

    private static final List<DiscrepancyKind> ORDER_LEVEL =
            Arrays.stream(values()).filter(kind -> !kind.isSubscriptionLevel()).toList();

    /** True for the kinds found per subscription rather than per order line. */
    public boolean isSubscriptionLevel() {
        return this == SUBSCRIPTION_NOT_BILLED || this == BILLED_SUBSCRIPTION_NOT_ACTIVE || this == SEAT_COUNT_MISMATCH;
    }

    /** The order-level kinds in declaration order: the ones every report counts and the tie-out splits amounts by. */
    public static List<DiscrepancyKind> orderLevel() {
        return ORDER_LEVEL;
    }
}
