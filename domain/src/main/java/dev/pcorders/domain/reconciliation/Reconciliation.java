package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One reconciliation, fed in two steps: first the cached orders that take part ({@link #addOrder}),
 * then the ledger, row by row ({@link #addLedgerEntry}); {@link #report()} closes it. Not thread-safe:
 * one reconciliation, one thread.
 *
 * <p>Memory follows the cached order lines taking part, never the number of ledger rows. Orders are
 * indexed by (customer, order id or alternate id) and the ledger is streamed past them. Of an order it
 * keeps only what the report shows (ids, currency, status) and, per (order, offer), sums and the values
 * that disagree; a ledger row is folded in and dropped: its price or currency is kept only when it
 * differs from the order's, its amount goes straight into the currency totals, and its line number is
 * kept only while the line has fewer than {@link #LEDGER_LINES_KEPT} (the rest are counted, see
 * {@link Discrepancy#ledgerRows()}). Ledger rows that match no order are kept per key: each such key is a
 * discrepancy of its own, so that part grows with the report, not with the ledger.
 */
public final class Reconciliation {

    /**
     * How many ledger line numbers a discrepancy lists: the first ones in file order. Rows beyond them
     * still count in its sums and in {@link Discrepancy#ledgerRows()}. Enough to find the rows of a key
     * billed a few times; a key billed hundreds of times is found by its order id.
     */
    public static final int LEDGER_LINES_KEPT = 10;

    /** A reference the ledger may name an order by (its id or its alternate id), of one customer; compared exactly. */
    private record Reference(CustomerId customer, String reference) {
    }

    /** A ledger row's key when it matches no cached order line: customer, reference and offer match key. */
    private record UnmatchedKey(CustomerId customer, String reference, String offerKey) {
    }

    /** Ledger rows that met no cached order line, summed by key. */
    private static final class Unmatched extends LedgerSide {
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

    private final Amount priceTolerance;
    private final Map<Reference, CachedOrder> byReference = new HashMap<>();
    /** Later orders answering to a reference already taken (one's id being another's alternate id): rare. */
    private final Map<Reference, List<CachedOrder>> sharedReferences = new HashMap<>();
    private final List<CachedOrder> orders = new ArrayList<>();
    // Customers and offers repeat across orders: one instance of each (and of each match key) serves every order and line.
    private final Map<CustomerId, CustomerId> customers = new HashMap<>();
    private final Map<OfferId, OfferId> offers = new HashMap<>();
    private final Map<String, String> offerKeys = new HashMap<>();
    private final Map<UnmatchedKey, Unmatched> unmatched = new LinkedHashMap<>();
    // Exports spell a charge type in more than one case (Cancel, cancel): count them as one, under the first spelling seen.
    private final Map<String, Long> notCompared = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<LedgerRowError> rowsInError = new ArrayList<>();
    /** The references of cached orders created outside the window: a ledger row naming one is not compared. */
    private final Set<Reference> outsideWindow = new HashSet<>();
    private long rowsOutsideWindow;
    /** Lines whose items carry several unit prices (rare): what their ledger rows in the order's currency came to. */
    private final Map<OrderLine, BigDecimal> severalPricesAmounts = new IdentityHashMap<>();
    /** Per currency, what the ledger rows add up to as they stream by; Partner Center's side is added by {@link #report()}. */
    private final TieOut tieOut = new TieOut();
    private final Optional<Instant> createdFrom;
    private final Optional<Instant> createdBefore;
    private long ledgerRowsRead;
    private long rowsWithoutAmount;
    private boolean ledgerStarted;

    public Reconciliation(Amount priceTolerance) {
        this(priceTolerance, Optional.empty(), Optional.empty());
    }

    /**
     * A reconciliation of the orders created in {@code [createdFrom, createdBefore)}: a ledger row of an order
     * that is not cached at all is counted as outside the window when its own order date lies outside it.
     */
    public Reconciliation(Amount priceTolerance, Optional<Instant> createdFrom, Optional<Instant> createdBefore) {
        this.priceTolerance = Objects.requireNonNull(priceTolerance, "priceTolerance");
        if (priceTolerance.value().signum() < 0) {
            throw new IllegalArgumentException("price tolerance must not be negative, got " + priceTolerance);
        }
        this.createdFrom = Objects.requireNonNull(createdFrom, "createdFrom");
        this.createdBefore = Objects.requireNonNull(createdBefore, "createdBefore");
    }

    /** Adds a cached order that takes part. Every order must be added before the first ledger entry. */
    public void addOrder(Order order) {
        Objects.requireNonNull(order, "order");
        if (ledgerStarted) {
            throw new IllegalStateException("orders must all be added before the ledger is read");
        }
        Map<String, List<OrderLineItem>> byOffer = new LinkedHashMap<>();
        for (OrderLineItem item : order.lineItems()) {
            byOffer.computeIfAbsent(item.offerId().matchKey(), key -> new ArrayList<>(1)).add(item);
        }
        CachedOrder cached = new CachedOrder(order, customers.computeIfAbsent(order.referenceCustomerId(), c -> c),
                byOffer.size());
        int index = 0;
        for (Map.Entry<String, List<OrderLineItem>> entry : byOffer.entrySet()) {
            OfferId offerId = entry.getValue().get(0).offerId();
            OrderLine line = new OrderLine(cached, offers.computeIfAbsent(offerId, o -> o),
                    offerKeys.computeIfAbsent(entry.getKey(), k -> k));
            entry.getValue().forEach(line::addItem);
            cached.lines[index++] = line;
        }
        orders.add(cached);
        index(new Reference(cached.customer, cached.id.value()), cached);
        cached.alternateId.filter(id -> !id.equals(cached.id.value()))
                .ifPresent(id -> index(new Reference(cached.customer, id), cached));
    }

    /**
     * Registers a cached order that does not take part because it was created outside the reconciliation's
     * creation window. Of it only its references are kept: ledger rows billing it are counted as outside the
     * window instead of being reported as missing in Partner Center. Added, like every order, before the ledger.
     */
    public void addOrderOutsideWindow(Order order) {
        Objects.requireNonNull(order, "order");
        if (ledgerStarted) {
            throw new IllegalStateException("orders must all be added before the ledger is read");
        }
        CustomerId customer = customers.computeIfAbsent(order.referenceCustomerId(), c -> c);
        outsideWindow.add(new Reference(customer, order.id().value()));
        order.alternateId().ifPresent(id -> outsideWindow.add(new Reference(customer, id)));
    }

    private void index(Reference reference, CachedOrder order) {
        // Should two cached orders answer to one reference (one's id being the other's alternate id), the
        // first added keeps it for the offers it has: orders arrive sorted by creation date, so that is the older order.
        CachedOrder first = byReference.putIfAbsent(reference, order);
        if (first != null && first != order) {
            sharedReferences.computeIfAbsent(reference, r -> new ArrayList<>(1)).add(order);
        }
    }

    private OrderLine find(Reference reference, String offerKey) {
        CachedOrder first = byReference.get(reference);
        if (first == null) {
            return null;
        }
        OrderLine line = first.line(offerKey);
        if (line == null && !sharedReferences.isEmpty()) {
            for (CachedOrder later : sharedReferences.getOrDefault(reference, List.of())) {
                line = later.line(offerKey);
                if (line != null) {
                    break;
                }
            }
        }
        return line;
    }

    /** Adds one ledger entry: a row to compare, a row of a charge type that is not compared, or a row in error. */
    public void addLedgerEntry(LedgerEntry entry) {
        ledgerStarted = true;
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
        String offerKey = row.offerId().matchKey();
        Reference named = new Reference(row.customer(), reference);
        OrderLine line = find(named, offerKey);
        CachedOrder order = line != null ? line.order : byReference.get(named);
        if (line == null && (outsideWindow.contains(named) || order == null && orderDateOutsideWindow(row))) {
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
            amount.ifPresent(money -> tieOut.explain(DiscrepancyKind.MISSING_IN_PARTNER_CENTER, money.currency(), money.amount()));
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
        boolean priceOutside = row.unitPrice().isPresent() && line.priced
                && !line.anyUnitPrice(actual -> withinTolerance(row.unitPrice().get(), actual));
        if (priceOutside) {
            line.pricesOutside = added(line.pricesOutside, row.unitPrice().get());
        }
        if (line.order.cancelled || foreign) {
            // Nothing is owed for a cancelled order, and the order's currency holds nothing of another: the whole amount is the kind's.
            DiscrepancyKind kind = line.order.cancelled ? DiscrepancyKind.BILLED_BUT_CANCELLED : DiscrepancyKind.CURRENCY_MISMATCH;
            amount.ifPresent(money -> tieOut.explain(kind, money.currency(), money.amount()));
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

    /** Counts a ledger row that was read but bills a customer the reconciliation was not asked about. */
    public void addLedgerEntryOfAnotherCustomer() {
        ledgerStarted = true;
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
            OrderLine line = find(named, key.offerId().get().matchKey());
            if (line != null) {
                line.rowsInError = true;
            }
            return;
        }
        List<CachedOrder> ordersNamed = new ArrayList<>(sharedReferences.getOrDefault(named, List.of()));
        Optional.ofNullable(byReference.get(named)).ifPresent(ordersNamed::add);
        for (CachedOrder order : ordersNamed) {
            for (OrderLine line : order.lines) {
                line.rowsInError = true;
            }
        }
    }

    /** Compares what was added and builds the report; discrepancies sorted by customer, order, offer and kind. */
    public ReconciliationReport report() {
        List<Discrepancy> discrepancies = new ArrayList<>();
        TieOut totals = tieOut.copy();
        long matched = 0;
        long linesWithoutAmount = 0;
        for (CachedOrder order : orders) {
            for (OrderLine line : order.lines) {
                if (!order.cancelled && (!line.priced || order.currency.isEmpty())) {
                    linesWithoutAmount++;
                } else if (!order.cancelled) {
                    line.tieOut(order.currency.get(), totals, severalPricesAmounts.getOrDefault(line, BigDecimal.ZERO));
                }
                if (!line.billed()) {
                    if (!order.cancelled && !line.rowsInError) {
                        discrepancies.add(discrepancy(DiscrepancyKind.MISSING_IN_LEDGER, line, order.id.value(),
                                Optional.empty(), Optional.of(Long.toString(line.quantity)),
                                "ordered in Partner Center but not in the ledger"));
                    }
                    continue;
                }
                matched++;
                compare(line, discrepancies);
            }
        }
        for (Unmatched missing : unmatched.values()) {
            // Named by its id or alternate id, an order that exists but lacks the offer is reported with both ids.
            Optional<CachedOrder> order = Optional.ofNullable(missing.order);
            discrepancies.add(new Discrepancy(DiscrepancyKind.MISSING_IN_PARTNER_CENTER, missing.customer,
                    missing.reference, order.map(o -> o.id), order.flatMap(o -> o.alternateId), missing.offerId,
                    missing.keptLines(), missing.ledgerRows, Optional.of(Long.toString(missing.ledgerQuantity)),
                    Optional.empty(), order.isPresent()
                            ? "in the ledger but the cached order has no line item of this offer"
                            : "in the ledger but no cached order of this customer has this order reference and offer"));
        }
        discrepancies.sort(Comparator.comparing((Discrepancy d) -> d.customer().toString())
                .thenComparing(d -> d.orderId().map(OrderId::value).orElse(d.orderReference()))
                .thenComparing(d -> d.offerId().matchKey())
                .thenComparing(Discrepancy::kind));
        return new ReconciliationReport(matched, notCompared, rowsOutsideWindow, rowsInError, totals.totals(), discrepancies,
                new ReconciliationReport.Coverage(ledgerRowsRead, rowsWithoutAmount, linesWithoutAmount), List.of());
    }

    private void compare(OrderLine line, List<Discrepancy> discrepancies) {
        String reference = line.ledgerReference;
        CachedOrder order = line.order;
        if (order.cancelled) {
            discrepancies.add(discrepancy(DiscrepancyKind.BILLED_BUT_CANCELLED, line, reference,
                    Optional.of("billed"), order.cancelledStatus, "billed although the order is cancelled"));
            return;
        }
        if (line.ledgerQuantity != line.quantity) {
            discrepancies.add(discrepancy(DiscrepancyKind.QUANTITY_MISMATCH, line, reference,
                    Optional.of(Long.toString(line.ledgerQuantity)), Optional.of(Long.toString(line.quantity)),
                    "the ledger's quantity differs from the order's"));
        }
        if (line.otherCurrencies != null) {
            discrepancies.add(discrepancy(DiscrepancyKind.CURRENCY_MISMATCH, line, reference,
                    Optional.of(joined(line.otherCurrencies)), order.currency.map(Object::toString),
                    "the ledger's currency differs from the order's"));
        }
        if (line.pricesOutside != null) {
            discrepancies.add(discrepancy(DiscrepancyKind.PRICE_MISMATCH, line, reference, Optional.of(joined(line.pricesOutside)),
                    Optional.of(line.unitPrices().map(Amount::toString).collect(Collectors.joining(", "))),
                    "the ledger's unit price differs from the order's by more than " + priceTolerance));
        }
    }

    /** {@code values} with {@code value} added, made on first use: most lines never need one. */
    private static <T> Set<T> added(Set<T> values, T value) {
        Set<T> set = values == null ? new LinkedHashSet<>(2) : values;
        set.add(value);
        return set;
    }

    private boolean withinTolerance(Amount expected, Amount actual) {
        return expected.value().subtract(actual.value()).abs().compareTo(priceTolerance.value()) <= 0;
    }

    private static String joined(Iterable<?> values) {
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            text.append(text.length() == 0 ? "" : ", ").append(value);
        }
        return text.toString();
    }

    private static Discrepancy discrepancy(DiscrepancyKind kind, OrderLine line, String reference,
                                           Optional<String> expected, Optional<String> actual, String message) {
        return new Discrepancy(kind, line.order.customer, reference, Optional.of(line.order.id), line.order.alternateId,
                line.offerId, line.keptLines(), line.ledgerRows, expected, actual, message);
    }
}
