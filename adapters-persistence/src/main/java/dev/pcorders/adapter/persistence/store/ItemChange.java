package dev.pcorders.adapter.persistence.store;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One line of a resource's change log as the snapshot writer stores it. {@link #ADDED} and {@link #REMOVED} are the
 * writer's own kinds (an item new to the customer, an item the scope covers that did not come back); every other kind
 * is the resource's, and {@code nestedNumber} says which nested item (a line item of an order) changed, if one did.
 */
public record ItemChange(String kind, OptionalInt nestedNumber, Optional<String> before, Optional<String> after) {

    public static final String ADDED = "ADDED";
    public static final String REMOVED = "REMOVED";

    public ItemChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(nestedNumber, "nestedNumber");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
