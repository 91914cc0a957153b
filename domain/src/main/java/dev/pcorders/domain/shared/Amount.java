package dev.pcorders.domain.shared;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact decimal as Partner Center sent it (a price, a total, a commitment), with no currency of
 * its own: the currency is the order's. The scale is kept for display and export ({@code 100000.00}
 * stays {@code 100000.00}), but equality is numeric: {@code 5.3} equals {@code 5.30}.
 */
public record Amount(BigDecimal value) implements Comparable<Amount> {

    public static final Amount ZERO = new Amount(BigDecimal.ZERO);

    public Amount {
        Objects.requireNonNull(value, "amount");
    }

    /** @throws NumberFormatException if {@code text} is not a decimal number */
    public static Amount parse(String text) {
        return new Amount(new BigDecimal(text));
    }

    public static Amount of(BigDecimal value) {
        return new Amount(value);
    }

    public Amount plus(Amount other) {
        return new Amount(value.add(other.value));
    }

    public Amount times(long factor) {
        return new Amount(value.multiply(BigDecimal.valueOf(factor)));
    }

    public Money in(CurrencyCode currency) {
        return new Money(value, currency);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Amount that && value.compareTo(that.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @Override
    public int compareTo(Amount other) {
        return value.compareTo(other.value);
    }

    /** Plain notation, never exponent form: {@code 1E+3} prints as {@code 1000}. */
    @Override
    public String toString() {
        return value.toPlainString();
    }
}
