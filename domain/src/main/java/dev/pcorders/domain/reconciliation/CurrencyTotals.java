package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.shared.CurrencyCode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The tie-out of one currency. {@code ledger} sums quantity times unit price over every compared ledger
 * row in this currency; {@code partnerCenter} sums what the cached order lines in scope come to, matched
 * or not (a cancelled order's lines count nothing: nothing is owed for them). {@code byKind} is the part of
 * the {@link #difference()} each discrepancy kind explains, every order-level kind present (zero when it
 * explains nothing; subscription-level kinds count seats, not money, and are never in it); {@link #residue()} is what no kind explains, so the parts and the residue add up to the
 * difference exactly. {@code notCompared} and {@code outsideWindow} total the rows left out of
 * {@code ledger}: charge types that are not compared, and rows of orders outside the creation window.
 */
public record CurrencyTotals(
        CurrencyCode currency,
        BigDecimal ledger,
        BigDecimal partnerCenter,
        Map<DiscrepancyKind, BigDecimal> byKind,
        BigDecimal notCompared,
        BigDecimal outsideWindow) {

    public CurrencyTotals {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(partnerCenter, "partnerCenter");
        Map<DiscrepancyKind, BigDecimal> every = new EnumMap<>(DiscrepancyKind.class);
        for (DiscrepancyKind kind : DiscrepancyKind.orderLevel()) {
            every.put(kind, byKind.getOrDefault(kind, BigDecimal.ZERO));
        }
        byKind = Collections.unmodifiableMap(every);
        Objects.requireNonNull(notCompared, "notCompared");
        Objects.requireNonNull(outsideWindow, "outsideWindow");
    }

    /** {@code ledger - partnerCenter}. */
    public BigDecimal difference() {
        return ledger.subtract(partnerCenter);
    }

    /** The part of the difference that no discrepancy kind explains; zero when the kinds explain it all. */
    public BigDecimal residue() {
        BigDecimal explained = byKind.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return difference().subtract(explained);
    }
}
