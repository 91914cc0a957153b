package dev.pcorders.adapter.http.partnercenter;

import dev.pcorders.domain.order.Link;
import java.util.Objects;
import java.util.Optional;

/** One decoded page and the collection's {@code links.next}, if it had one. */
public record DecodedPage<T>(T page, Optional<Link> next) {

    public DecodedPage {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(next, "next");
    }
}
