package dev.pcorders.domain.customer;

import dev.pcorders.domain.shared.InputQuote;
import dev.pcorders.domain.shared.PartnerScope;
import dev.pcorders.domain.shared.ResourceKind;
import java.util.Objects;

/**
 * What one fetch of the partner's customer list covers: every customer. One scope per partner, so it is a value
 * with no fields; the page size is how it is fetched, not what it covers, and is no part of it.
 */
public record CustomerListScope() implements PartnerScope {

    /** The name the cache records customer list syncs under. */
    public static final ResourceKind KIND = new ResourceKind("customers");

    public static final CustomerListScope ALL = new CustomerListScope();

    private static final String KEY = "all";

    @Override
    public ResourceKind kind() {
        return KIND;
    }

    /** {@code all}: the only scope there is while no filter is taken. */
    @Override
    public String key() {
        return KEY;
    }

    /** The scope whose {@link #key()} is {@code key}. */
    public static CustomerListScope fromKey(String key) {
        Objects.requireNonNull(key, "key");
        if (!key.equals(KEY)) {
            throw new IllegalArgumentException(
                    "not a customer list scope key: " + InputQuote.quote(key) + " (expected " + KEY + ")");
        }
        return ALL;
    }
}
