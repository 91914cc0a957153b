package dev.pcorders.domain.order;

import java.util.Objects;
import java.util.Optional;

/** Where an order was placed from, e.g. {@code Partner Center API} in marketplace {@code US}. */
public record ClientContext(Optional<String> deviceFamily, Optional<String> marketplaceCountry, Optional<String> name) {

    public ClientContext {
        Objects.requireNonNull(deviceFamily, "deviceFamily");
        Objects.requireNonNull(marketplaceCountry, "marketplaceCountry");
        Objects.requireNonNull(name, "name");
    }
}
