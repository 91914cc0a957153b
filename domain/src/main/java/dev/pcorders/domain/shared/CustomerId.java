package dev.pcorders.domain.shared;

import java.util.Objects;
import java.util.UUID;

/** A Partner Center customer: the customer's Entra tenant id. Always a GUID. */
public record CustomerId(UUID value) implements Comparable<CustomerId> {

    public CustomerId {
        Objects.requireNonNull(value, "customer id");
    }

    /** @throws IllegalArgumentException if {@code text} is not a GUID, quoting what was given */
    public static CustomerId parse(String text) {
        return new CustomerId(GuidFormat.parse(text, "customer id"));
    }

    @Override
    public int compareTo(CustomerId other) {
        return toString().compareTo(other.toString());
    }

    /** The lower-case 8-4-4-4-12 form Partner Center uses in paths. */
    @Override
    public String toString() {
        return value.toString();
    }
}
