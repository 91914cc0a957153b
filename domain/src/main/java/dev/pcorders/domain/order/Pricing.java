package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.Amount;
import java.util.Objects;
import java.util.Optional;

/** A line item's prices, in its order's currency; present only when the orders were asked for with prices. */
public record Pricing(
        Optional<Amount> listPrice,
        Optional<Amount> discountedPrice,
        Optional<Amount> extendedPrice,
        Optional<Amount> price,
        Optional<Amount> proratedPrice) {

    public Pricing {
        Objects.requireNonNull(listPrice, "listPrice");
        Objects.requireNonNull(discountedPrice, "discountedPrice");
        Objects.requireNonNull(extendedPrice, "extendedPrice");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(proratedPrice, "proratedPrice");
    }

    /** The unit price a bill should show: {@code price}, else {@code discountedPrice}, else {@code listPrice}. */
    public Optional<Amount> effectiveUnitPrice() {
        return price.or(() -> discountedPrice).or(() -> listPrice);
    }
}
