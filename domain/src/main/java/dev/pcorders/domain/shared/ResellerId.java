package dev.pcorders.domain.shared;

import java.util.Objects;
import java.util.UUID;

/** An indirect reseller's id as the orders call takes it in {@code indirect_reseller_id}: a GUID. */
public record ResellerId(UUID value) {

    public ResellerId {
        Objects.requireNonNull(value, "reseller id");
    }

    /** @throws IllegalArgumentException if {@code text} is not a GUID, quoting what was given */
    public static ResellerId parse(String text) {
        return new ResellerId(GuidFormat.parse(text, "indirect reseller id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
