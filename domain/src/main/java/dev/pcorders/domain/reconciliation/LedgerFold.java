package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.reconciliation.CachedOrderIndex.Reference;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ledger side of a reconciliation, folded in as it streams past the cached orders: a row is summed into the
 * order line it matches (or into its unmatched key) and into the currency totals, and dropped.
 */
final class LedgerFold {

    /** How many offers' match keys {@link #offerKey} keeps before it starts over: far more than a ledger bills. */
    private static final int OFFER_KEYS_KEPT = 4096;

    /** A ledger row's key when it matches no cached order line: customer, reference and offer match key. */
    private record UnmatchedKey(CustomerId customer, String reference, String offerKey) {
    }

    /** Ledger rows that met no cached order line, summed by key. */
    static final class Unmatched extends LedgerSide {
        final CustomerId customer;
        final String reference;
        final OfferId offerId;
        /** The cached order the reference names, when there is one and only the offer is not in it. */
        final CachedOrder order;

        Unmatched(LedgerRow first, String reference, CachedOrder order) {
            this.customer = first.customer();
            this.reference = reference;
            this.offerId = first.offerId();
            this.order = order;
        }
    }

    private final CachedOrderIndex index;
    private final Amount priceTolerance;
    private final Optional<Instant> createdFrom;
    private final Optional<Instant> createdBefore;
    private final Map<UnmatchedKey, Unmatched> unmatched = new LinkedHashMap<>();
    // Exports spell a charge type in more than one case (Cancel, cancel): count them as one, under the first spelling seen.
    private final Map<String, Long> notCompared = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<LedgerRowError> rowsInError = new ArrayList<>();
    private long rowsOutsideWindow;
    /** Lines whose items carry several unit prices (rare): what their ledger rows in the order's currency came to. */
    private final Map<OrderLine, BigDecimal> severalPricesAmounts = new IdentityHashMap<>();
    /**
     * Per currency, what the ledger rows add up to as they stream by; Partner Center's side is added by
     * {@link DiscrepancyFinder#report}.
     */
    private final TieOut tieOut = new TieOut();
    private long ledgerRowsRead;
    private long rowsWithoutAmount;
    /**
     * Match keys of the offers rows named, by instance: a ledger source hands the same instance for an offer it has seen
     * (a row of a million-row ledger would otherwise build and upper-case its offer's text again). Emptied when it grows,
     * so a source of ever new instances costs a lookup per row and no more memory.
     */
    private final Map<OfferId, String> offerKeys = new IdentityHashMap<>();

    LedgerFold(CachedOrderIndex index, Amount priceTolerance, Optional<Instant> createdFrom, Optional<Instant> createdBefore) {
        this.index = index;
        this.priceTolerance = priceTolerance;
        this.createdFrom = createdFrom;
        this.createdBefore = createdBefore;
    }

    void add(LedgerEntry entry) {
        ledgerRowsRead++;
        if (entry instanceof LedgerRowError error) {
            rowsInError.add(error);
            error.key().ifPresent(this::markRowInError);
            return;
        }
        LedgerRow row = (LedgerRow) entry;
        if (!row.isPurchase()) {
            notCompared.merge(row.chargeType().orElseThrow().strip(), 1L, Long::sum);
            amount(row, row.currency()).ifPresent(money -> tieOut.notCompared(money.currency(), money.amount()));
            return;
        }
        String reference = row.orderReference().strip();
        String offerKey = offerKey(row.offerId());
        Reference named = new Reference(row.customer(), reference);
        OrderLine line = index.find(named, offerKey);
        CachedOrder order = line != null ? line.order : index.order(named);
        if (line == null && (index.isOutsideWindow(named) || order == null && orderDateOutsideWindow(row))) {
            rowsOutsideWindow++;
            amount(row, row.currency()).ifPresent(money -> tieOut.outsideWindow(money.currency(), money.amount()));
            return;
        }
        Optional<CurrencyCode> orderCurrency = order == null ? Optional.empty() : order.currency;
        Optional<Money> amount = amount(row, row.currency().or(() -> orderCurrency));
        amount.ifPresentOrElse(money -> tieOut.ledger(money.currency(), money.amount()), () -> rowsWithoutAmount++);
        if (line == null) {
            unmatched.computeIfAbsent(new UnmatchedKey(row.customer(), reference, offerKey),
                    k -> new Unmatched(row, reference, order)).addRow(row);
            amount.ifPresent(money -> tieOut.explain(DiscrepancyKind.MISSING_IN_PARTNER_CENTER, row.customer(), money.currency(),
                    money.amount()));
            return;
        }
        line.addRow(row);
        if (line.ledgerReference == null) {
            line.ledgerReference = line.order.ownReference(reference);
        }
        boolean foreign = row.currency().isPresent() && orderCurrency.isPresent() && !row.currency().get().equals(orderCurrency.get());
        if (foreign) {
            line.otherCurrencies = added(line.otherCurrencies, row.currency().get());
        }
        // Line items of one offer may carry different prices; a ledger price is fine if it is near any of them.
        boolean priceOutside = row.unitPrice().isPresent() && line.priced && !nearAnyUnitPrice(row.unitPrice().get(), line);
        if (priceOutside) {
            line.pricesOutside = added(line.pricesOutside, row.unitPrice().get());
        }
        if (line.order.cancelled || foreign) {
            // Nothing is owed for a cancelled order, and the order's currency holds nothing of another: the whole amount is the kind's.
            DiscrepancyKind kind = line.order.cancelled ? DiscrepancyKind.BILLED_BUT_CANCELLED : DiscrepancyKind.CURRENCY_MISMATCH;
            amount.ifPresent(money -> tieOut.explain(kind, row.customer(), money.currency(), money.amount()));
        }
        if (line.order.cancelled || !line.priced || orderCurrency.isEmpty()) {
            return; // the line's amounts, if any, are the residue: Partner Center's side has none to compare
        }
        if (line.moreUnitPrices != null) {
            amount.filter(money -> !foreign).ifPresent(money -> severalPricesAmounts.merge(line, money.amount(), BigDecimal::add));
        } else {
            line.explainRow(row, orderCurrency.get(), foreign, priceOutside, tieOut);
        }
    }

    private String offerKey(OfferId offer) {
        String key = offerKeys.get(offer);
        if (key == null) {
            if (offerKeys.size() >= OFFER_KEYS_KEPT) {
                offerKeys.clear();
            }
            key = offer.matchKey();
            offerKeys.put(offer, key);
        }
        return key;
    }

    /** As {@code line.anyUnitPrice(actual -> withinTolerance(price, actual))}, without a lambda made per row. */
    private boolean nearAnyUnitPrice(Amount price, OrderLine line) {
        if (line.unitPriceValue != null && withinTolerance(price.value(), line.unitPriceValue)) {
            return true;
        }
        if (line.moreUnitPrices != null) {
            for (Amount actual : line.moreUnitPrices) {
                if (withinTolerance(price.value(), actual.value())) {
                    return true;
                }
            }
        }
        return false;
    }

    void addOfAnotherCustomer() {
        ledgerRowsRead++;
    }

    /** Quantity times unit price in {@code currency}; empty when the row has no price or no currency can be told. */
    private static Optional<Money> amount(LedgerRow row, Optional<CurrencyCode> currency) {
        if (row.unitPrice().isEmpty() || currency.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Money(row.unitPrice().get().value().multiply(BigDecimal.valueOf(row.quantity())), currency.get()));
    }

    /** Whether the row's own order date (UTC) lies wholly outside the creation window; false without a date or a window. */
    private boolean orderDateOutsideWindow(LedgerRow row) {
        if (row.orderDate().isEmpty()) {
            return false;
        }
        Instant dayStart = row.orderDate().get().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dayEnd = row.orderDate().get().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return createdFrom.map(from -> !dayEnd.isAfter(from)).orElse(false)
                || createdBefore.map(before -> !dayStart.isBefore(before)).orElse(false);
    }

    /** The order line (or, offer unreadable, every line of the order) a row in error billed is not also missing in the ledger. */
    private void markRowInError(LedgerRowKey key) {
        if (!LedgerRow.isPurchase(key.chargeType())) {
            return;
        }
        Reference named = new Reference(key.customer(), key.orderReference().strip());
        if (key.offerId().isPresent()) {
            OrderLine line = index.find(named, key.offerId().get().matchKey());
            if (line != null) {
                line.rowsInError = true;
            }
            return;
        }
        for (CachedOrder order : index.ordersNamed(named)) {
            for (OrderLine line : order.lines) {
                line.rowsInError = true;
            }
        }
    }

    /** {@code values} with {@code value} added, made on first use: most lines never need one. */
    private static <T> Set<T> added(Set<T> values, T value) {
        Set<T> set = values == null ? new LinkedHashSet<>(2) : values;
        set.add(value);
        return set;
    }

    private boolean withinTolerance(BigDecimal expected, BigDecimal actual) {
        // Equal prices, by far the most rows, need no difference computed (the tolerance is never negative).
        return expected.compareTo(actual) == 0
                || expected.subtract(actual).abs().compareTo(priceTolerance.value()) <= 0;
    }

    Collection<Unmatched> unmatched() {
        return unmatched.values();
    }

    Map<String, Long> notCompared() {
        return notCompared;
    }

    List<LedgerRowError> rowsInError() {
        return rowsInError;
    }

    long rowsOutsideWindow() {
        return rowsOutsideWindow;
    }

    /** What the rows of a line with several unit prices came to in the order's currency; zero for any other line. */
    BigDecimal severalPricesAmount(OrderLine line) {
        return severalPricesAmounts.getOrDefault(line, BigDecimal.ZERO);
    }

    TieOut tieOut() {
        return tieOut;
    }

    long ledgerRowsRead() {
        return ledgerRowsRead;
    }

    long rowsWithoutAmount() {
        return rowsWithoutAmount;
    }
}
