package dev.pcorders.domain.subscription;

import dev.pcorders.domain.shared.InputQuote;
import java.util.Objects;

/** A subscription's id as Partner Center assigns it (a GUID in every sample, kept as text like an order id). */
public record SubscriptionId(String value) implements Comparable<SubscriptionId> {

    static final int MAX_LENGTH = 256;

    public SubscriptionId {
        Objects.requireNonNull(value, "subscription id");
        if (value.isBlank() || value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("subscription id must be 1 to " + MAX_LENGTH
                    + " printable characters, got " + InputQuote.quote(value));
        }
    }

    public static SubscriptionId of(String value) {
        return new SubscriptionId(value);
    }

    @Override
    public int compareTo(SubscriptionId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
