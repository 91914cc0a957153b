package dev.pcorders.application.order.port.in;

import dev.pcorders.domain.order.OrderCriteria;
import java.util.Objects;

/**
 * Which cached orders to read, and which slice of them: {@code limit} orders from {@code offset} in
 * (creationDate, id) order.
 */
public record CachedOrdersQuery(OrderCriteria criteria, long offset, int limit) {

    public static final int MAX_LIMIT = 10_000;
    public static final int DEFAULT_LIMIT = 1_000;

    public CachedOrdersQuery {
        Objects.requireNonNull(criteria, "criteria");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    public static CachedOrdersQuery firstPageOf(OrderCriteria criteria) {
        return new CachedOrdersQuery(criteria, 0, DEFAULT_LIMIT);
    }

    public CachedOrdersQuery next() {
        return new CachedOrdersQuery(criteria, offset + limit, limit);
    }
}
