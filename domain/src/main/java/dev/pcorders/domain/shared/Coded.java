package dev.pcorders.domain.shared;

import java.util.Locale;
import java.util.Objects;

/**
 * A value of an open Partner Center enum together with the string the service sent.
 * {@code BillingCycle.parse("Annual")} gives {@code Coded[ANNUAL, "Annual"]};
 * {@code BillingCycle.parse("fortnightly")} gives {@code Coded[UNKNOWN, "fortnightly"]}, so a value
 * this build has never heard of is stored and exported as it came, never lost and never an error.
 */
public record Coded<E extends Enum<E> & OpenEnum>(E known, String raw) {

    public Coded {
        Objects.requireNonNull(known, "known");
        Objects.requireNonNull(raw, "raw");
    }

    /** The value as this build writes it: the canonical wire name of a known value, else the raw string. */
    public static <E extends Enum<E> & OpenEnum> Coded<E> of(E known) {
        return new Coded<>(known, known.wireName());
    }

    /**
     * Parses leniently: case-insensitive, ignoring {@code _}, {@code -} and spaces, so
     * {@code one_time}, {@code OneTime} and {@code ONE-TIME} are the same value.
     */
    public static <E extends Enum<E> & OpenEnum> Coded<E> parse(Class<E> type, String raw) {
        Objects.requireNonNull(raw, "raw");
        return Spellings.of(type).parse(raw);
    }

    /** True when the service sent a value this build does not recognise (not merely the literal "unknown"). */
    public boolean isUnrecognised() {
        return known.isUnknown() && !normalise(raw).equals(normalise(known.wireName()));
    }

    /** Same meaning, whatever the spelling: {@code Annual} and {@code annual} are the same value. */
    public boolean sameValueAs(Coded<E> other) {
        return known.isUnknown() || other.known.isUnknown()
                ? normalise(raw).equals(normalise(other.raw))
                : known == other.known;
    }

    static String normalise(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '_' && c != '-' && c != ' ') {
                kept.append(c);
            }
        }
        return kept.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return raw;
    }
}
