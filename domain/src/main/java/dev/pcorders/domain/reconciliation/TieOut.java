package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running sums of a reconciliation, per currency: one small record per currency seen, never per row; and what the
 * discrepancies explain per customer, one amount per customer and currency.
 */
final class TieOut {

    /** Currency instances {@link #sums} remembers; codes not canonical (rare) beyond them go to the tree each time. */
    private static final int INSTANCES_KEPT = 64;

    private static final class Sums {
        BigDecimal ledger = BigDecimal.ZERO;
        BigDecimal partnerCenter = BigDecimal.ZERO;
        BigDecimal notCompared = BigDecimal.ZERO;
        BigDecimal outsideWindow = BigDecimal.ZERO;
        final Map<DiscrepancyKind, BigDecimal> byKind = new EnumMap<>(DiscrepancyKind.class);
    }

    private final Map<CurrencyCode, Sums> byCurrency = new TreeMap<>();
    private final Map<CustomerId, Map<CurrencyCode, BigDecimal>> atRisk = new HashMap<>();
    // Per currency instance: currency codes are canonical instances, so rows mostly find their sums without the tree.
    private final Map<CurrencyCode, Sums> byInstance = new IdentityHashMap<>();

    /** A copy to finish a report on, so the sums gathered from the ledger stay as they are for the next report. */
    TieOut copy() {
        TieOut copy = new TieOut();
        byCurrency.forEach((currency, sums) -> {
            Sums to = copy.sums(currency);
            to.ledger = sums.ledger;
            to.partnerCenter = sums.partnerCenter;
            to.notCompared = sums.notCompared;
            to.outsideWindow = sums.outsideWindow;
            to.byKind.putAll(sums.byKind);
        });
        atRisk.forEach((customer, amounts) -> copy.atRisk.put(customer, new TreeMap<>(amounts)));
        return copy;
    }

    private Sums sums(CurrencyCode currency) {
        Sums sums = byInstance.get(currency);
        if (sums == null) {
            sums = byCurrency.computeIfAbsent(currency, c -> new Sums());
            if (byInstance.size() < INSTANCES_KEPT) {
                byInstance.put(currency, sums);
            }
        }
        return sums;
    }

    void ledger(CurrencyCode currency, BigDecimal amount) {
        Sums sums = sums(currency);
        sums.ledger = sums.ledger.add(amount);
    }

    void partnerCenter(CurrencyCode currency, BigDecimal amount) {
        Sums sums = sums(currency);
        sums.partnerCenter = sums.partnerCenter.add(amount);
    }

    /**
     * Records that {@code kind} explains {@code amount} of the currency's difference (ledger minus Partner Center), on a
     * line or row of {@code customer}. The customer's amount at risk adds it without its sign: an amount billed too
     * much and one billed too little both need looking at, and must not cancel out.
     */
    void explain(DiscrepancyKind kind, CustomerId customer, CurrencyCode currency, BigDecimal amount) {
        sums(currency).byKind.merge(kind, amount, BigDecimal::add);
        if (amount.signum() != 0) {
            atRisk.computeIfAbsent(customer, c -> new TreeMap<>()).merge(currency, amount.abs(), BigDecimal::add);
        }
    }

    Map<CustomerId, Map<CurrencyCode, BigDecimal>> atRiskByCustomer() {
        return atRisk;
    }

    void notCompared(CurrencyCode currency, BigDecimal amount) {
        Sums sums = sums(currency);
        sums.notCompared = sums.notCompared.add(amount);
    }

    void outsideWindow(CurrencyCode currency, BigDecimal amount) {
        Sums sums = sums(currency);
        sums.outsideWindow = sums.outsideWindow.add(amount);
    }

    List<CurrencyTotals> totals() {
        return byCurrency.entrySet().stream()
                .map(e -> new CurrencyTotals(e.getKey(), e.getValue().ledger, e.getValue().partnerCenter, e.getValue().byKind,
                        e.getValue().notCompared, e.getValue().outsideWindow))
                .toList();
    }
}
