package dev.pcorders.domain.shared;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount in a currency. BigDecimal, never a binary floating point type. Prices may carry more
 * decimals than the currency's minor unit, so nothing here rounds. Equality is numeric within one
 * currency: 5.3 USD equals 5.30 USD.
 */
public record Money(BigDecimal amount, CurrencyCode currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), CurrencyCode.of(currency));
    }

    public static Money zero(CurrencyCode currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** @throws IllegalArgumentException if the currencies differ: adding USD to EUR is a bug, not a sum */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + this + " with " + other + ": currencies differ");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money that
                && currency.equals(that.currency)
                && amount.compareTo(that.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), currency);
    }

    /** @throws IllegalArgumentException if the currencies differ */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
