package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.Link;
import java.util.Objects;
import java.util.Optional;

public record LineItemLinks(
        Optional<Link> product,
        Optional<Link> sku,
        Optional<Link> availability,
        Optional<Link> subscription,
        Optional<Link> provisioningStatus,
        Optional<Link> activationLinks) {

    public static final LineItemLinks NONE = new LineItemLinks(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public LineItemLinks {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(provisioningStatus, "provisioningStatus");
        Objects.requireNonNull(activationLinks, "activationLinks");
    }
}
