package dev.pcorders.sandbox;

import java.math.BigDecimal;
import java.util.List;

/**
 * The partner's own ledger, as pc-orders reads it: one row per purchased order line, the offer as a full offer id, and
 * the line's subscription id. It has no charge types, so every row is a purchase: cancellations and cycle charges are
 * not written.
 */
final class PartnerLedgerRows implements LedgerLayout {

    static final List<String> COLUMNS = List.of("customer_id", "order_id", "offer_id", "quantity", "unit_price", "currency",
            "subscription_id");

    private final LedgerLines lines;
    private final boolean namesSubscriptions;

    /**
     * @param namesSubscriptions fill subscription_id. Only with the planted subscription cases honoured: the subscriptions
     *                           endpoint serves the suspended and the drifted subscription either way, so a ledger naming
     *                           subscriptions without them would show those as discrepancies nobody planted in it
     */
    PartnerLedgerRows(LedgerLines lines, boolean namesSubscriptions) {
        this.lines = lines;
        this.namesSubscriptions = namesSubscriptions;
    }

    @Override
    public List<String> header() {
        return COLUMNS;
    }

    @Override
    public boolean writesNonPurchaseCharges() {
        return false;
    }

    /**
     * Where the ledger names subscriptions, only lines without one: a missing row, another quantity or a row of a
     * cancelled order would also be a subscription discrepancy (not billed, other seats, billed but deleted).
     */
    @Override
    public boolean spoilable(GeneratedOrder.LineItem item) {
        return !namesSubscriptions || item.subscriptionId().isEmpty();
    }

    @Override
    public long writeOrderRow(SandboxCustomer customer, GeneratedOrder order, String reference, GeneratedOrder.LineItem item,
                              String chargeType, int quantity, BigDecimal unitPrice, String currency) {
        return lines.write(row(customer, reference, item.offerId(), quantity, unitPrice, currency,
                namesSubscriptions ? item.subscriptionId().orElse("") : ""));
    }

    /** Without a subscription id: an id the cache does not hold would be a subscription discrepancy as well. */
    @Override
    public long writeUnknownOrderRow(SandboxCustomer customer, String reference, OfferCatalog.Offer offer, int quantity,
                                     BigDecimal unitPrice, String currency, String subscriptionId) {
        return lines.write(row(customer, reference, offer.offerId(), quantity, unitPrice, currency, ""));
    }

    private static String[] row(SandboxCustomer customer, String reference, String offerId, int quantity,
                                BigDecimal unitPrice, String currency, String subscriptionId) {
        return new String[] {customer.id(), reference, offerId, Integer.toString(quantity), unitPrice.toPlainString(),
            currency, subscriptionId};
    }
}
