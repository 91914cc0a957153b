package dev.pcorders.domain.shared;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One page of a fetch of any resource, numbered from 1; {@code totalCount} is what the service said, when it
 * said it. Parts of one large response share its page number.
 */
public record Page<T>(int pageNumber, List<T> items, OptionalInt totalCount) {

    public Page {
        if (pageNumber < 1) {
            throw new IllegalArgumentException("page numbers start at 1, got " + pageNumber);
        }
        items = List.copyOf(items);
        Objects.requireNonNull(totalCount, "totalCount");
    }
}
