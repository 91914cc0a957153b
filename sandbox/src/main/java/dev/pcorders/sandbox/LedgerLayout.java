package dev.pcorders.sandbox;

import java.math.BigDecimal;
import java.util.List;

/**
 * One ledger format as {@link LedgerCsv} writes it. What is billed (which order lines, at which quantity, price and
 * currency, and the planted rows of orders Partner Center does not have) is decided once for every format; a layout
 * says how such a row looks, whether non-purchase charges are written at all and which lines may carry an
 * order-level discrepancy without spoiling anything else the format says.
 */
interface LedgerLayout {

    List<String> header();

    /** Cancel rows of cancelled orders and cycleCharge rows of monthly ones: Partner Center's export has them. */
    boolean writesNonPurchaseCharges();

    /** Whether an order-level discrepancy may be planted on this line item. */
    boolean spoilable(GeneratedOrder.LineItem item);

    /** Writes a row billing an order's line item; returns the file line it starts on. */
    long writeOrderRow(SandboxCustomer customer, GeneratedOrder order, String reference, GeneratedOrder.LineItem item,
                       String chargeType, int quantity, BigDecimal unitPrice, String currency);

    /**
     * Writes a purchase row of an order no generated order has; returns the file line it starts on.
     *
     * @param subscriptionId drawn from the seed whether or not the layout writes it, so every layout draws alike
     */
    long writeUnknownOrderRow(SandboxCustomer customer, String reference, OfferCatalog.Offer offer, int quantity,
                              BigDecimal unitPrice, String currency, String subscriptionId);
}
