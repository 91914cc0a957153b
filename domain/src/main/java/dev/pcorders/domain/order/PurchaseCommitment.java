package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CurrencyCode;
import java.util.Objects;
import java.util.Optional;

/** A commitment bought with the line item: an amount in a currency, per grain (e.g. {@code P1Y}). */
public record PurchaseCommitment(Optional<Amount> amount, Optional<CurrencyCode> currency, Optional<String> grain) {

    public PurchaseCommitment {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(grain, "grain");
    }
}
