package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.Link;
import java.util.Objects;
import java.util.Optional;

public record OrderLinks(Optional<Link> self, Optional<Link> provisioningStatus, Optional<Link> patchOperation) {

    public static final OrderLinks NONE = new OrderLinks(Optional.empty(), Optional.empty(), Optional.empty());

    public OrderLinks {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(provisioningStatus, "provisioningStatus");
        Objects.requireNonNull(patchOperation, "patchOperation");
    }
}
