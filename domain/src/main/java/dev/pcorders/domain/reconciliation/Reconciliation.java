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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One reconciliation, fed in two steps: first the cached orders that take part ({@link #addOrder}),
 * then the ledger, row by row ({@link #addLedgerEntry}); {@link #report()} closes it. Orders are
 * indexed by (customer, order id or alternate id, offer) and the ledger is streamed, so memory follows
 * the number of order lines, not the number of ledger rows (apart from the line numbers kept for the
 * report). Not thread-safe: one reconciliation, one thread.
 */
public final class Reconciliation {

    /** The key a ledger row and an order line meet on. Order references compare exactly; offers by match key. */
    private record Key(CustomerId customer, String orderReference, String offerKey) {
    }

    /** What is known of one (order, offer): the cached side summed over line items, the ledger side over rows. */
    private static final class OrderLine {
        final Order order;
        final OfferId offerId;
        long quantity;
        final Set<Amount> unitPrices = new LinkedHashSet<>();
        BigDecimal pricedAmount = BigDecimal.ZERO;
        boolean priced = true;
        long ledgerQuantity;
        final List<Long> ledgerLines = new ArrayList<>();
        final Set<Amount> ledgerUnitPrices = new LinkedHashSet<>();
        final Set<CurrencyCode> ledgerCurrencies = new LinkedHashSet<>();
        final Map<CurrencyCode, BigDecimal> ledgerAmounts = new TreeMap<>();
        String ledgerReference;

        OrderLine(Order order, OfferId offerId) {
            this.order = order;
            this.offerId = offerId;
        }

        boolean billed() {
            return !ledgerLines.isEmpty();
        }
    }

    /** Ledger rows that met no cached order line, summed by key. */
    private static final class Unmatched {
        final LedgerRow first;
        long quantity;
        final List<Long> lines = new ArrayList<>();

        Unmatched(LedgerRow first) {
            this.first = first;
        }
    }

    private final Amount priceTolerance;
    private final Map<Key, OrderLine> byReference = new HashMap<>();
    private final List<OrderLine> orderLines = new ArrayList<>();
    private final Map<Key, Unmatched> unmatched = new LinkedHashMap<>();
    // Exports spell a charge type in more than one case (Cancel, cancel): count them as one, under the first spelling seen.
    private final Map<String, Long> notCompared = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<LedgerRowError> rowsInError = new ArrayList<>();
    private boolean ledgerStarted;

    public Reconciliation(Amount priceTolerance) {
        this.priceTolerance = Objects.requireNonNull(priceTolerance, "priceTolerance");
        if (priceTolerance.value().signum() < 0) {
            throw new IllegalArgumentException("price tolerance must not be negative, got " + priceTolerance);
        }
    }

    /** Adds a cached order that takes part. Every order must be added before the first ledger entry. */
    public void addOrder(Order order) {
        Objects.requireNonNull(order, "order");
        if (ledgerStarted) {
            throw new IllegalStateException("orders must all be added before the ledger is read");
        }
        Map<String, OrderLine> byOffer = new LinkedHashMap<>();
        for (OrderLineItem item : order.lineItems()) {
            OrderLine line = byOffer.computeIfAbsent(item.offerId().matchKey(), key -> new OrderLine(order, item.offerId()));
            line.quantity += item.quantity();
            Optional<Amount> price = item.pricing().flatMap(Pricing::effectiveUnitPrice);
            price.ifPresent(unitPrice -> {
                line.unitPrices.add(unitPrice);
                line.pricedAmount = line.pricedAmount.add(unitPrice.value().multiply(BigDecimal.valueOf(item.quantity())));
            });
            line.priced &= price.isPresent();
        }
        for (Map.Entry<String, OrderLine> entry : byOffer.entrySet()) {
            orderLines.add(entry.getValue());
            index(new Key(order.referenceCustomerId(), order.id().value(), entry.getKey()), entry.getValue());
            Optional<String> alternate = order.alternateId().filter(id -> !id.equals(order.id().value()));
            alternate.ifPresent(id -> index(new Key(order.referenceCustomerId(), id, entry.getKey()), entry.getValue()));
        }
    }

    private void index(Key key, OrderLine line) {
        // Should two cached orders answer to one reference (one's id being the other's alternate id), the
        // first added keeps it: orders arrive sorted by creation date, so that is the older order.
        byReference.putIfAbsent(key, line);
    }

    /** Adds one ledger entry: a row to compare, a row of a charge type that is not compared, or a row in error. */
    public void addLedgerEntry(LedgerEntry entry) {
        ledgerStarted = true;
        if (entry instanceof LedgerRowError) {
            rowsInError.add((LedgerRowError) entry);
            return;
        }
        LedgerRow row = (LedgerRow) entry;
        if (!row.isPurchase()) {
            notCompared.merge(row.chargeType().orElseThrow().strip(), 1L, Long::sum);
            return;
        }
        Key key = new Key(row.customer(), row.orderReference().strip(), row.offerId().matchKey());
        OrderLine line = byReference.get(key);
        if (line == null) {
            Unmatched missing = unmatched.computeIfAbsent(key, k -> new Unmatched(row));
            missing.quantity += row.quantity();
            missing.lines.add(row.line());
            return;
        }
        line.ledgerQuantity += row.quantity();
        line.ledgerLines.add(row.line());
        if (line.ledgerReference == null) {
            line.ledgerReference = key.orderReference();
        }
        row.unitPrice().ifPresent(line.ledgerUnitPrices::add);
        row.currency().ifPresent(line.ledgerCurrencies::add);
        Optional<CurrencyCode> currency = row.currency().or(line.order::currencyCode);
        if (row.unitPrice().isPresent() && currency.isPresent()) {
            line.ledgerAmounts.merge(currency.get(), row.unitPrice().get().value().multiply(BigDecimal.valueOf(row.quantity())),
                    BigDecimal::add);
        }
    }

    /** Compares what was added and builds the report; discrepancies sorted by customer, order, offer and kind. */
    public ReconciliationReport report() {
        List<Discrepancy> discrepancies = new ArrayList<>();
        Map<CurrencyCode, BigDecimal[]> totals = new TreeMap<>();
        long matched = 0;
        for (OrderLine line : orderLines) {
            if (!line.billed()) {
                if (!line.order.isCancelled()) {
                    discrepancies.add(discrepancy(DiscrepancyKind.MISSING_IN_LEDGER, line, line.order.id().value(),
                            Optional.empty(), Optional.of(Long.toString(line.quantity)),
                            "ordered in Partner Center but not in the ledger"));
                }
                continue;
            }
            matched++;
            compare(line, discrepancies);
            // Totals only where both sides have prices, so expected and actual cover the same lines.
            if (line.priced && line.order.currencyCode().isPresent() && !line.ledgerAmounts.isEmpty()) {
                line.ledgerAmounts.forEach((currency, amount) -> {
                    BigDecimal[] sums = totals.computeIfAbsent(currency, c -> zeros());
                    sums[0] = sums[0].add(amount);
                });
                BigDecimal[] sums = totals.computeIfAbsent(line.order.currencyCode().get(), c -> zeros());
                sums[1] = sums[1].add(line.pricedAmount);
            }
        }
        for (Unmatched missing : unmatched.values()) {
            LedgerRow row = missing.first;
            discrepancies.add(new Discrepancy(DiscrepancyKind.MISSING_IN_PARTNER_CENTER, row.customer(),
                    row.orderReference().strip(), Optional.empty(), Optional.empty(), row.offerId(), missing.lines,
                    Optional.of(Long.toString(missing.quantity)), Optional.empty(),
                    "in the ledger but no cached order of this customer has this order reference and offer"));
        }
        discrepancies.sort(Comparator.comparing((Discrepancy d) -> d.customer().toString())
                .thenComparing(d -> d.orderId().map(OrderId::value).orElse(d.orderReference()))
                .thenComparing(d -> d.offerId().matchKey())
                .thenComparing(Discrepancy::kind));
        List<CurrencyTotals> currencyTotals = totals.entrySet().stream()
                .map(e -> new CurrencyTotals(new Money(e.getValue()[0], e.getKey()), new Money(e.getValue()[1], e.getKey())))
                .collect(Collectors.toList());
        return new ReconciliationReport(matched, notCompared, rowsInError, currencyTotals, discrepancies);
    }

    private void compare(OrderLine line, List<Discrepancy> discrepancies) {
        String reference = line.ledgerReference;
        if (line.order.isCancelled()) {
            discrepancies.add(discrepancy(DiscrepancyKind.BILLED_BUT_CANCELLED, line, reference,
                    Optional.of("billed"), line.order.status().map(Object::toString), "billed although the order is cancelled"));
            return;
        }
        if (line.ledgerQuantity != line.quantity) {
            discrepancies.add(discrepancy(DiscrepancyKind.QUANTITY_MISMATCH, line, reference,
                    Optional.of(Long.toString(line.ledgerQuantity)), Optional.of(Long.toString(line.quantity)),
                    "the ledger's quantity differs from the order's"));
        }
        Optional<CurrencyCode> orderCurrency = line.order.currencyCode();
        if (orderCurrency.isPresent()) {
            List<CurrencyCode> other = line.ledgerCurrencies.stream().filter(c -> !c.equals(orderCurrency.get())).toList();
            if (!other.isEmpty()) {
                discrepancies.add(discrepancy(DiscrepancyKind.CURRENCY_MISMATCH, line, reference,
                        Optional.of(joined(other)), Optional.of(orderCurrency.get().toString()),
                        "the ledger's currency differs from the order's"));
            }
        }
        if (line.priced && !line.ledgerUnitPrices.isEmpty()) {
            // Line items of one offer may carry different prices; a ledger price is fine if it is near any of them.
            List<Amount> outside = line.ledgerUnitPrices.stream()
                    .filter(expected -> line.unitPrices.stream().noneMatch(actual -> withinTolerance(expected, actual)))
                    .toList();
            if (!outside.isEmpty()) {
                discrepancies.add(discrepancy(DiscrepancyKind.PRICE_MISMATCH, line, reference, Optional.of(joined(outside)),
                        Optional.of(joined(List.copyOf(line.unitPrices))),
                        "the ledger's unit price differs from the order's by more than " + priceTolerance));
            }
        }
    }

    private boolean withinTolerance(Amount expected, Amount actual) {
        return expected.value().subtract(actual.value()).abs().compareTo(priceTolerance.value()) <= 0;
    }

    private static String joined(List<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static Discrepancy discrepancy(DiscrepancyKind kind, OrderLine line, String reference,
                                           Optional<String> expected, Optional<String> actual, String message) {
        return new Discrepancy(kind, line.order.referenceCustomerId(), reference, Optional.of(line.order.id()),
                line.order.alternateId(), line.offerId, line.ledgerLines, expected, actual, message);
    }
}
