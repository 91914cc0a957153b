package dev.pcorders.application.subscription.port.in;

import dev.pcorders.domain.subscription.SubscriptionCriteria;
import java.util.Objects;

/** Which cached subscriptions to read, and which slice: {@code limit} from {@code offset} in (creationDate, id) order. */
public record CachedSubscriptionsQuery(SubscriptionCriteria criteria, long offset, int limit) {

    public static final int MAX_LIMIT = 10_000;
    public static final int DEFAULT_LIMIT = 1_000;

    public CachedSubscriptionsQuery {
        Objects.requireNonNull(criteria, "criteria");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    public static CachedSubscriptionsQuery firstPageOf(SubscriptionCriteria criteria) {
        return new CachedSubscriptionsQuery(criteria, 0, DEFAULT_LIMIT);
    }

    public CachedSubscriptionsQuery next() {
        return new CachedSubscriptionsQuery(criteria, offset + limit, limit);
    }
}
