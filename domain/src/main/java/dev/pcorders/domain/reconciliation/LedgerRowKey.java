package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.shared.CustomerId;
import java.util.Objects;
import java.util.Optional;

/**
 * What could still be read of a ledger row in error: whom and which order it bills, and, when readable,
 * the offer and charge type. Enough to know which order line the row was about, so that line is not also
 * reported as missing in the ledger.
 */
public record LedgerRowKey(CustomerId customer, String orderReference, Optional<OfferId> offerId, Optional<String> chargeType) {

    public LedgerRowKey {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(chargeType, "chargeType");
    }
}
