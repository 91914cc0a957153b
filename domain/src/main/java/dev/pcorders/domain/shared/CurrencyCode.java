package dev.pcorders.domain.shared;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An ISO 4217 alphabetic code as Partner Center sends it ({@code USD}, {@code EUR}).
 * Not {@link java.util.Currency}: a code the running JDK does not know must still be kept.
 */
public record CurrencyCode(String value) implements Comparable<CurrencyCode> {

    // Codes already in canonical form are few (at most 26^3) and repeat on every order, so one instance serves each.
    private static final Map<String, CurrencyCode> CANONICAL = new ConcurrentHashMap<>();

    public CurrencyCode {
        Objects.requireNonNull(value, "currency code");
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!isCanonical(value)) {
            throw new IllegalArgumentException(
                    "currency code must be three letters such as USD, got " + InputQuote.quote(value));
        }
    }

    public static CurrencyCode of(String value) {
        Objects.requireNonNull(value, "currency code");
        if (isCanonical(value)) {
            CurrencyCode cached = CANONICAL.get(value);
            return cached != null ? cached : CANONICAL.computeIfAbsent(value, CurrencyCode::new);
        }
        return new CurrencyCode(value);
    }

    private static boolean isCanonical(String text) {
        if (text.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = text.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
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
