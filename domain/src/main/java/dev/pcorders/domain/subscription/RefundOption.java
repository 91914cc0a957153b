package dev.pcorders.domain.subscription;

import java.time.Instant;
import java.util.Objects;

/** One way a new-commerce subscription can still be refunded ({@code type}, e.g. {@code Full}), until {@code expiresAt}. */
public record RefundOption(String type, Instant expiresAt) {

    public RefundOption {
        Objects.requireNonNull(type, "refundOptions.type");
        Objects.requireNonNull(expiresAt, "refundOptions.expiresAt");
    }
}
