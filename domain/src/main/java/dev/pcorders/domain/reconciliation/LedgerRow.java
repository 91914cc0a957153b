package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A ledger row as read: who was billed, under which order reference (an order id or an alternate id),
 * for which offer, how many at what unit price. {@code chargeType} is Partner Center's ChargeType from
 * an invoice reconciliation export; a partner ledger has none, and its rows are all purchases.
 */
public record LedgerRow(
        long line,
        CustomerId customer,
        String orderReference,
        OfferId offerId,
        long quantity,
        Optional<Amount> unitPrice,
        Optional<CurrencyCode> currency,
        Optional<String> subscriptionId,
        Optional<String> chargeType,
        Optional<LocalDate> orderDate) implements LedgerEntry {

    /** Charge types that bill what an order bought; the others (refunds, cancellations, cycle charges) are not compared. */
    private static final Set<String> PURCHASE_CHARGE_TYPES = Set.of("new", "renew", "addquantity", "convert");

    public LedgerRow {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(orderReference, "orderReference");
        if (orderReference.isBlank()) {
            throw new IllegalArgumentException("order reference must not be blank");
        }
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(chargeType, "chargeType");
        Objects.requireNonNull(orderDate, "orderDate");
    }

    /** True for rows that bill a purchase (New, Renew, AddQuantity, Convert in any case) and rows without a charge type. */
    public boolean isPurchase() {
        return isPurchase(chargeType);
    }

    static boolean isPurchase(Optional<String> chargeType) {
        return chargeType.map(type -> PURCHASE_CHARGE_TYPES.contains(type.strip().toLowerCase(Locale.ROOT))).orElse(true);
    }
}
