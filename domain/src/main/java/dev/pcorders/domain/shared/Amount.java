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
        return new Amount(decimal(text));
    }

    /**
     * {@code new BigDecimal(text)}, value and scale, for every text; plain decimals (what Partner Center, ledgers and
     * the cache write) are read without that constructor's general parse and char[] copy.
     *
     * @throws NumberFormatException if {@code text} is not a decimal number
     */
    public static BigDecimal decimal(String text) {
        BigDecimal plain = plainDecimal(text);
        return plain != null ? plain : new BigDecimal(text);
    }

    /** Most digits a plain decimal may have for {@link #plainDecimal} to read it: a long holds any 18 of them. */
    private static final int LONG_DIGITS = 18;

    /**
     * {@code text} read as {@code new BigDecimal(text)} reads it (same unscaled value, same scale) when it is a plain
     * decimal of at most {@link #LONG_DIGITS} digits, {@code [+-]?\d*(\.\d*)?} with a digit somewhere; null for
     * anything else, which the constructor then reads or rejects. Ledgers and caches hold a price per row, and
     * the constructor's general parse was a measurable share of reading them.
     */
    static BigDecimal plainDecimal(String text) {
        int length = text.length();
        int at = length > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        long unscaled = 0;
        int digits = 0;
        int scale = 0;
        boolean point = false;
        for (; at < length; at++) {
            char c = text.charAt(at);
            if (c >= '0' && c <= '9') {
                if (++digits > LONG_DIGITS) {
                    return null;
                }
                unscaled = unscaled * 10 + (c - '0');
                if (point) {
                    scale++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return null;
            }
        }
        if (digits == 0) {
            return null;
        }
        return BigDecimal.valueOf(text.charAt(0) == '-' ? -unscaled : unscaled, scale);
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
