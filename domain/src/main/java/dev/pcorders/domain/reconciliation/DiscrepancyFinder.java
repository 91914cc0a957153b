package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.shared.Amount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Closes a reconciliation: adds Partner Center's side of every cached line to the ledger's totals (the tie-out)
 * and decides which lines and unmatched ledger keys are discrepancies, of which kind.
 */
final class DiscrepancyFinder {

    private final Amount priceTolerance;

    DiscrepancyFinder(Amount priceTolerance) {
        this.priceTolerance = priceTolerance;
    }

    /**
     * The report of the cached orders in {@code index} against the ledger folded so far; discrepancies sorted by
     * customer, order, offer and kind. The ledger's sums are copied, so another report can follow.
     */
    ReconciliationReport report(CachedOrderIndex index, LedgerFold ledger) {
        List<Discrepancy> discrepancies = new ArrayList<>();
        TieOut totals = ledger.tieOut().copy();
        long matched = 0;
        long linesWithoutAmount = 0;
        for (CachedOrder order : index.orders()) {
            for (OrderLine line : order.lines) {
                if (!order.cancelled && (!line.priced || order.currency.isEmpty())) {
                    linesWithoutAmount++;
                } else if (!order.cancelled) {
                    line.tieOut(order.currency.get(), totals, ledger.severalPricesAmount(line));
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
        for (LedgerFold.Unmatched missing : ledger.unmatched()) {
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
        return new ReconciliationReport(matched, ledger.notCompared(), ledger.rowsOutsideWindow(), ledger.rowsInError(),
                totals.totals(), discrepancies,
                new ReconciliationReport.Coverage(ledger.ledgerRowsRead(), ledger.rowsWithoutAmount(), linesWithoutAmount),
                List.of(), SubscriptionCheck.NOT_IN_PLAY, totals.atRiskByCustomer());
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
