package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.shared.Money;
import java.util.Objects;

/** What the ledger expected and what Partner Center's prices give, in one currency. */
public record CurrencyTotals(Money expected, Money actual) {

    public CurrencyTotals {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        if (!expected.currency().equals(actual.currency())) {
            throw new IllegalArgumentException("totals must share one currency, got " + expected + " and " + actual);
        }
    }
}
