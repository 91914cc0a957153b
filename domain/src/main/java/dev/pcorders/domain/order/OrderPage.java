package dev.pcorders.domain.order;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/** One page of a fetch, numbered from 1; {@code totalCount} is what the service said, when it said it. */
public record OrderPage(int pageNumber, List<Order> orders, OptionalInt totalCount) {

    public OrderPage {
        if (pageNumber < 1) {
            throw new IllegalArgumentException("page numbers start at 1, got " + pageNumber);
        }
        orders = List.copyOf(orders);
        Objects.requireNonNull(totalCount, "totalCount");
    }
}
