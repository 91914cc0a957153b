package dev.pcorders.domain.order;

import java.util.Objects;
import java.util.Optional;

/** The term a subscription renews into; the term is an ISO-8601 period such as {@code P1Y}. */
public record RenewsTo(Optional<String> termDuration) {

    public RenewsTo {
        Objects.requireNonNull(termDuration, "termDuration");
    }
}
