package dev.pcorders.cli;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.OptionalInt;

/**
 * How many decimals an amount is shown in, the one place that asks: the currency's own (ISO 4217: JPY 0, USD 2), and
 * none for a code the JDK does not know or one without decimals of its own (XXX, whose default is -1).
 */
final class CurrencyDecimals {

    private CurrencyDecimals() {
    }

    /** The currency's decimals; empty for a code the JDK does not know, or one with none defined (XXX). */
    static OptionalInt of(String currencyCode) {
        try {
            int digits = Currency.getInstance(currencyCode).getDefaultFractionDigits();
            return digits >= 0 ? OptionalInt.of(digits) : OptionalInt.empty();
        } catch (IllegalArgumentException unknown) {
            return OptionalInt.empty();
        }
    }

    /** At least the currency's decimals, never fewer than the amount has: nothing is rounded away. */
    static int shown(BigDecimal amount, String currencyCode) {
        return Math.max(of(currencyCode).orElse(0), ownDecimals(amount));
    }

    /** The decimals the amount has, trailing zeros aside (0 for a whole amount). */
    static int ownDecimals(BigDecimal amount) {
        return Math.max(0, amount.stripTrailingZeros().scale());
    }
}
