package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.shared.InputQuote;
import java.util.Objects;
import java.util.Optional;

/**
 * What a subscription-level discrepancy says of its subscription. {@code subscriptionId} is spelled as Partner Center
 * sent it, or as the ledger wrote it when the cache does not hold it. {@code status} is the cached status as sent,
 * empty when the subscription is unknown to Partner Center; {@code cachedQuantity} is its seats, empty likewise.
 * {@code ledgerQuantity} sums the ledger rows naming it (0 when none does).
 */
public record SubscriptionDetail(String subscriptionId, Optional<String> status, Optional<Long> cachedQuantity,
                                 long ledgerQuantity) {

    public SubscriptionDetail {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        if (subscriptionId.isBlank()) {
            throw new IllegalArgumentException("subscription id must not be blank, got " + InputQuote.quote(subscriptionId));
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cachedQuantity, "cachedQuantity");
        if (status.isPresent() != cachedQuantity.isPresent()) {
            throw new IllegalArgumentException("a cached subscription has both a status and a quantity, an unknown one neither");
        }
    }

    /** False when the ledger names a subscription the customer's cached subscriptions do not hold. */
    public boolean isCached() {
        return status.isPresent();
    }
}
