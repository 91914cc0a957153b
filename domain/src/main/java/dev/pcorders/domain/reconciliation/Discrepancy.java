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
 * named the order by (an id or an alternate id). {@code ledgerRows} is how many ledger rows were summed
 * into it; {@code ledgerLines} are the file line numbers of the first of them, in file order, at most
 * {@link Reconciliation#LEDGER_LINES_KEPT}, so memory does not grow with a key billed a million times.
 * When they are fewer than the rows, {@link #omittedLedgerLines()} says how many more there are.
 *
 * <p>A subscription-level discrepancy ({@link DiscrepancyKind#isSubscriptionLevel()}) carries its
 * {@code subscription}; an order-level one never does. Its {@code orderReference} is what the first ledger row naming
 * the subscription called the order, else the order that created the subscription, else empty; its offer is the
 * subscription's (the first row's when the subscription is not cached).
 */
public record Discrepancy(
        DiscrepancyKind kind,
        CustomerId customer,
        String orderReference,
        Optional<OrderId> orderId,
        Optional<String> alternateId,
        OfferId offerId,
        List<Long> ledgerLines,
        long ledgerRows,
        Optional<String> expected,
        Optional<String> actual,
        String message,
        Optional<SubscriptionDetail> subscription) {

    /** An order-level discrepancy. */
    public Discrepancy(DiscrepancyKind kind, CustomerId customer, String orderReference, Optional<OrderId> orderId,
                       Optional<String> alternateId, OfferId offerId, List<Long> ledgerLines, long ledgerRows,
                       Optional<String> expected, Optional<String> actual, String message) {
        this(kind, customer, orderReference, orderId, alternateId, offerId, ledgerLines, ledgerRows, expected, actual,
                message, Optional.empty());
    }

    public Discrepancy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(alternateId, "alternateId");
        Objects.requireNonNull(offerId, "offerId");
        ledgerLines = List.copyOf(ledgerLines);
        if (ledgerRows < ledgerLines.size() || ledgerRows > 0 && ledgerLines.isEmpty()) {
            throw new IllegalArgumentException("ledger rows " + ledgerRows + " do not fit the " + ledgerLines.size()
                    + " line numbers given");
        }
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(subscription, "subscription");
        if (subscription.isPresent() != kind.isSubscriptionLevel()) {
            throw new IllegalArgumentException(kind + (subscription.isPresent() ? " carries no subscription" : " needs its subscription"));
        }
    }

    /** Ledger rows summed into this discrepancy whose line numbers are not in {@link #ledgerLines()}. */
    public long omittedLedgerLines() {
        return ledgerRows - ledgerLines.size();
    }
}
