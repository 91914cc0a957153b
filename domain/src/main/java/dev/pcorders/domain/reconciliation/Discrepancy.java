package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.shared.CustomerId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One disagreement: the expected value is the ledger's, the actual one Partner Center's, both as
 * text so quantities, prices and currencies read alike. {@code orderReference} is what the ledger
 * named the order by (an id or an alternate id); {@code ledgerLines} are the file's line numbers.
 */
public record Discrepancy(
        DiscrepancyKind kind,
        CustomerId customer,
        String orderReference,
        Optional<OrderId> orderId,
        Optional<String> alternateId,
        OfferId offerId,
        List<Long> ledgerLines,
        Optional<String> expected,
        Optional<String> actual,
        String message) {

    public Discrepancy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(alternateId, "alternateId");
        Objects.requireNonNull(offerId, "offerId");
        ledgerLines = List.copyOf(ledgerLines);
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(message, "message");
    }
}
