package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.reconciliation.CachedOrderIndex.Reference;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
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

    /** Entries whose look-ups are made together before they are folded (see {@link #foldPending}). */
    static final int BATCH = 256;

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

    /** Entries taken and not folded yet, with what {@link #foldPending} looked up for each. */
    private final LedgerEntry[] pending = new LedgerEntry[BATCH];
    private final String[] pendingReferences = new String[BATCH];
    private final String[] pendingOfferKeys = new String[BATCH];
    private final CachedOrder[] pendingOrders = new CachedOrder[BATCH];
    private final OrderLine[] pendingLines = new OrderLine[BATCH];
    private int pendingCount;

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

    /** Takes one ledger entry; it is folded in with the next entries, at the latest when the fold is next read. */
    void add(LedgerEntry entry) {
        pending[pendingCount++] = entry;
        if (pendingCount == BATCH) {
            foldPending();
        }
    }

    /**
     * Folds the entries taken so far, in the order they came. Their orders and lines are looked up first, in loops that
     * do nothing else: each look-up waits on memory (a million rows name orders in no order a cache could follow), and
     * in a short loop the processor has several of those waits in flight at once, where between the folds of whole
     * rows it had one. Nothing a look-up reads changes while the ledger is folded.
     */
    void foldPending() {
        for (int i = 0; i < pendingCount; i++) {
            if (pending[i] instanceof LedgerRow row && row.isPurchase()) {
                String reference = row.orderReference().strip();
                pendingReferences[i] = reference;
                pendingOrders[i] = index.order(row.customer(), reference);
            }
        }
        for (int i = 0; i < pendingCount; i++) {
            if (pendingReferences[i] != null) {
                LedgerRow row = (LedgerRow) pending[i];
                pendingOfferKeys[i] = offerKey(row.offerId());
                pendingLines[i] = pendingOrders[i] == null ? null
                        : index.find(pendingOrders[i], row.customer(), pendingReferences[i], pendingOfferKeys[i]);
            }
        }
        for (int i = 0; i < pendingCount; i++) {
            fold(pending[i], pendingOrders[i], pendingLines[i], pendingReferences[i], pendingOfferKeys[i]);
            pending[i] = null;
            pendingOrders[i] = null;
            pendingLines[i] = null;
            pendingReferences[i] = null;
            pendingOfferKeys[i] = null;
        }
        pendingCount = 0;
    }

    /**
     * Folds one entry; for a purchase row, {@code holder} is the order holding its reference (or null), {@code found}
     * the line of its offer in an order the reference names (or null).
     */
    private void fold(LedgerEntry entry, CachedOrder holder, OrderLine found, String reference, String offerKey) {
        ledgerRowsRead++;
        if (entry instanceof LedgerRowError error) {
            rowsInError.add(error);
            error.key().ifPresent(this::markRowInError);
            return;
        }
        LedgerRow row = (LedgerRow) entry;
        if (!row.isPurchase()) {
            notCompared.merge(row.chargeType().orElseThrow().strip(), 1L, Long::sum);
            CurrencyCode currency = row.currency().orElse(null);
            BigDecimal amount = amount(row, currency);
            if (amount != null) {
                tieOut.notCompared(currency, amount);
            }
            return;
        }
        OrderLine line = found;
        CachedOrder order = line != null ? line.order : holder;
        if (line == null && (index.isOutsideWindow(new Reference(row.customer(), reference))
                || order == null && orderDateOutsideWindow(row))) {
            rowsOutsideWindow++;
            CurrencyCode currency = row.currency().orElse(null);
            BigDecimal amount = amount(row, currency);
            if (amount != null) {
                tieOut.outsideWindow(currency, amount);
            }
            return;
        }
        // Plain values, not Optionals and a Money, from here on: this runs for every row of the ledger.
        CurrencyCode orderCurrency = order == null ? null : order.currency.orElse(null);
        CurrencyCode rowCurrency = row.currency().orElse(null);
        CurrencyCode currency = rowCurrency != null ? rowCurrency : orderCurrency;
        BigDecimal amount = amount(row, currency);
        if (amount != null) {
            tieOut.ledger(currency, amount);
        } else {
            rowsWithoutAmount++;
        }
        if (line == null) {
            unmatched.computeIfAbsent(new UnmatchedKey(row.customer(), reference, offerKey),
                    k -> new Unmatched(row, reference, order)).addRow(row);
            if (amount != null) {
                tieOut.explain(DiscrepancyKind.MISSING_IN_PARTNER_CENTER, row.customer(), currency, amount);
            }
            return;
        }
        line.addRow(row);
        if (line.ledgerReference == null) {
            line.ledgerReference = line.order.ownReference(reference);
        }
        boolean foreign = rowCurrency != null && orderCurrency != null && !rowCurrency.equals(orderCurrency);
        if (foreign) {
            line.otherCurrencies = added(line.otherCurrencies, rowCurrency);
        }
        // Line items of one offer may carry different prices; a ledger price is fine if it is near any of them.
        boolean priceOutside = row.unitPrice().isPresent() && line.priced && !nearAnyUnitPrice(row.unitPrice().get(), line);
        if (priceOutside) {
            line.pricesOutside = added(line.pricesOutside, row.unitPrice().get());
        }
        if (line.order.cancelled || foreign) {
            // Nothing is owed for a cancelled order, and the order's currency holds nothing of another: the whole amount is the kind's.
            DiscrepancyKind kind = line.order.cancelled ? DiscrepancyKind.BILLED_BUT_CANCELLED : DiscrepancyKind.CURRENCY_MISMATCH;
            if (amount != null) {
                tieOut.explain(kind, row.customer(), currency, amount);
            }
        }
        if (line.order.cancelled || !line.priced || orderCurrency == null) {
            return; // the line's amounts, if any, are the residue: Partner Center's side has none to compare
        }
        if (line.moreUnitPrices != null) {
            if (amount != null && !foreign) {
                severalPricesAmounts.merge(line, amount, BigDecimal::add);
            }
        } else {
            line.explainRow(row, orderCurrency, foreign, priceOutside, tieOut);
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

    /** Quantity times unit price; null when the row has no price or no currency can be told ({@code currency} null). */
    private static BigDecimal amount(LedgerRow row, CurrencyCode currency) {
        if (currency == null || row.unitPrice().isEmpty()) {
            return null;
        }
        return row.unitPrice().get().value().multiply(BigDecimal.valueOf(row.quantity()));
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
            CachedOrder holder = index.order(named.customer(), named.reference());
            OrderLine line = holder == null ? null
                    : index.find(holder, named.customer(), named.reference(), key.offerId().get().matchKey());
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
        foldPending();
        return unmatched.values();
    }

    Map<String, Long> notCompared() {
        foldPending();
        return notCompared;
    }

    List<LedgerRowError> rowsInError() {
        foldPending();
        return rowsInError;
    }

    long rowsOutsideWindow() {
        foldPending();
        return rowsOutsideWindow;
    }

    /** What the rows of a line with several unit prices came to in the order's currency; zero for any other line. */
    BigDecimal severalPricesAmount(OrderLine line) {
        foldPending();
        return severalPricesAmounts.getOrDefault(line, BigDecimal.ZERO);
    }

    TieOut tieOut() {
        foldPending();
        return tieOut;
    }

    long ledgerRowsRead() {
        foldPending();
        return ledgerRowsRead;
    }

    long rowsWithoutAmount() {
        foldPending();
        return rowsWithoutAmount;
    }
}
