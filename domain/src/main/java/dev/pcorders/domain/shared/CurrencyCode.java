package dev.pcorders.domain.shared;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ISO 4217 alphabetic code as Partner Center sends it ({@code USD}, {@code EUR}).
 * Not {@link java.util.Currency}: a code the running JDK does not know must still be kept.
 */
public record CurrencyCode(String value) implements Comparable<CurrencyCode> {

    private static final Pattern ALPHA_3 = Pattern.compile("[A-Z]{3}");

    public CurrencyCode {
        Objects.requireNonNull(value, "currency code");
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!ALPHA_3.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "currency code must be three letters such as USD, got " + InputQuote.quote(value));
        }
    }

    public static CurrencyCode of(String value) {
        return new CurrencyCode(value);
    }

    @Override
    public int compareTo(CurrencyCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
