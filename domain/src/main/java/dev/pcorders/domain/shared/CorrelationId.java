package dev.pcorders.domain.shared;

import java.util.Objects;
import java.util.UUID;

/** Ties together every request of one logical operation (a sync), sent as {@code MS-CorrelationId}. */
public record CorrelationId(UUID value) {

    public CorrelationId {
        Objects.requireNonNull(value, "correlation id");
    }

    public static CorrelationId parse(String text) {
        return new CorrelationId(GuidFormat.parse(text, "correlation id"));
    }

    public static CorrelationId random() {
        return new CorrelationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
