package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CurrencyCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** One (order, offer): the cached side summed over line items, the ledger side over rows. */
final class OrderLine extends LedgerSide {
    final CachedOrder order;
    final OfferId offerId;
    final String offerKey;
    long quantity;
    /** The first line item's effective unit price; null when some line item of the offer has none ({@code priced} false). */
    Amount unitPrice;
    /**
     * {@code unitPrice}'s value, held here too: every ledger row of the line compares its price with it, and reaching it
     * through the Amount cost a memory access per row on lines met in no particular order.
     */
    BigDecimal unitPriceValue;
    /** Other distinct unit prices, when line items of one offer carry several (rare): null otherwise. */
    List<Amount> moreUnitPrices;
    /** Price times quantity summed over several priced line items; null for one, whose product is made on demand. */
    BigDecimal pricedAmount;
    boolean priced = true;
    /** Some row of this line could not be read (lenient mode): it is listed as an error, not as missing here. */
    boolean rowsInError;
    /** The reference the ledger first named the order by; one of the order's own strings. */
    String ledgerReference;
    /** Ledger unit prices outside the tolerance of every unit price of the line, distinct, first seen first. */
    Set<Amount> pricesOutside;
    /** Ledger currencies other than the order's, distinct, first seen first. */
    Set<CurrencyCode> otherCurrencies;

    OrderLine(CachedOrder order, OfferId offerId, String offerKey) {
        this.order = order;
        this.offerId = offerId;
        this.offerKey = offerKey;
    }

    void addItem(OrderLineItem item) {
        long quantityBefore = quantity;
        quantity += item.quantity();
        Optional<Amount> price = item.pricing().flatMap(Pricing::effectiveUnitPrice);
        if (price.isEmpty() || !priced) {
            // An offer with an unpriced line item is neither price-compared nor totalled: its prices are not needed.
            priced = false;
            unitPrice = null;
            unitPriceValue = null;
            moreUnitPrices = null;
            pricedAmount = null;
            return;
        }
        if (unitPrice == null) {
            unitPrice = price.get();
            unitPriceValue = unitPrice.value();
            return;
        }
        pricedAmount = pricedAmount(quantityBefore).add(price.get().value().multiply(BigDecimal.valueOf(item.quantity())));
        if (!anyUnitPrice(price.get()::equals)) {
            moreUnitPrices = moreUnitPrices == null ? new ArrayList<>(1) : moreUnitPrices;
            moreUnitPrices.add(price.get());
        }
    }

    boolean anyUnitPrice(Predicate<Amount> test) {
        return unitPrice != null && test.test(unitPrice) || moreUnitPrices != null && moreUnitPrices.stream().anyMatch(test);
    }

    Stream<Amount> unitPrices() {
        Stream<Amount> first = Stream.ofNullable(unitPrice);
        return moreUnitPrices == null ? first : Stream.concat(first, moreUnitPrices.stream());
    }

    /** Partner Center's amount: unit price times quantity, summed over the offer's line items. */
    BigDecimal pricedAmount() {
        return pricedAmount(quantity);
    }

    private BigDecimal pricedAmount(long quantityOfOneItem) {
        if (pricedAmount != null) {
            return pricedAmount;
        }
        return unitPrice == null ? BigDecimal.ZERO
                : BigDecimal.ZERO.add(unitPrice.value().multiply(BigDecimal.valueOf(quantityOfOneItem)));
    }

    /**
     * Adds a priced line of an order that is not cancelled to Partner Center's side, in the order's currency
     * {@code currency}, and says which kinds explain the line's part of the difference there. With one unit
     * price {@code p}: QUANTITY_MISMATCH explains (ledger quantity - order quantity) x p; currency and price
     * mismatches were explained as the rows went by ({@link #explainRow}). Left unexplained (the residue):
     * price differences within the tolerance, and the quantity of rows without a price x p. A line whose items carry several unit prices has no one p: its whole
     * difference ({@code severalPricesLedgerAmount}, what its rows in this currency came to, minus Partner
     * Center's amount) goes to the first kind it has of PRICE, QUANTITY and CURRENCY mismatch.
     */
    void tieOut(CurrencyCode currency, TieOut totals, BigDecimal severalPricesLedgerAmount) {
        BigDecimal partnerCenter = pricedAmount();
        totals.partnerCenter(currency, partnerCenter);
        if (!billed()) {
            if (!rowsInError) {
                totals.explain(DiscrepancyKind.MISSING_IN_LEDGER, order.customer, currency, partnerCenter.negate());
            }
            return;
        }
        boolean quantityDiffers = ledgerQuantity != quantity;
        if (moreUnitPrices != null) {
            BigDecimal difference = severalPricesLedgerAmount.subtract(partnerCenter);
            DiscrepancyKind kind = pricesOutside != null ? DiscrepancyKind.PRICE_MISMATCH
                    : quantityDiffers ? DiscrepancyKind.QUANTITY_MISMATCH
                    : otherCurrencies != null ? DiscrepancyKind.CURRENCY_MISMATCH : null;
            if (kind != null) {
                totals.explain(kind, order.customer, currency, difference);
            }
            return;
        }
        BigDecimal price = unitPrice.value();
        if (quantityDiffers) {
            totals.explain(DiscrepancyKind.QUANTITY_MISMATCH, order.customer, currency, times(price, ledgerQuantity - quantity));
        }
    }

    /**
     * Explains, in the order's currency, what one ledger row of this line (priced, one unit price {@code p},
     * order not cancelled) does to the difference as it goes by, so the line keeps no amount: a row billed in
     * another currency takes quantity x p out of this one (CURRENCY_MISMATCH); a row priced outside the tolerance
     * adds quantity x (its price - p) (PRICE_MISMATCH). A price within the tolerance is left to the residue.
     */
    void explainRow(LedgerRow row, CurrencyCode orderCurrency, boolean foreign, boolean priceOutside, TieOut totals) {
        if (foreign) {
            totals.explain(DiscrepancyKind.CURRENCY_MISMATCH, order.customer, orderCurrency,
                    times(unitPrice.value(), -row.quantity()));
        } else if (priceOutside) {
            totals.explain(DiscrepancyKind.PRICE_MISMATCH, order.customer, orderCurrency,
                    times(row.unitPrice().orElseThrow().value().subtract(unitPrice.value()), row.quantity()));
        }
    }

    private static BigDecimal times(BigDecimal price, long quantity) {
        return price.multiply(BigDecimal.valueOf(quantity));
    }
}
