package dev.pcorders.domain.subscription;

import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.InputQuote;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.shared.ResourceAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Partner Center subscription as the service returned it. The wire does not name the customer:
 * {@code customer} is the one whose subscriptions were asked for. {@code links} maps a relation
 * ({@code offer}, {@code entitlement}, {@code self}, ...) to its link, as sent.
 */
public record Subscription(
        CustomerId customer,
        SubscriptionId id,
        String offerId,
        Optional<String> offerName,
        Optional<String> friendlyName,
        int quantity,
        Optional<String> unitType,
        Coded<SubscriptionStatus> status,
        Optional<Boolean> autoRenewEnabled,
        Optional<Coded<BillingCycle>> billingCycle,
        Optional<String> termDuration,
        Instant creationDate,
        Optional<Instant> effectiveStartDate,
        Optional<Instant> commitmentEndDate,
        Optional<OrderId> orderId,
        Optional<String> entitlementId,
        Optional<Boolean> isTrial,
        Optional<String> billingType,
        Optional<String> contractType,
        List<RefundOption> refundOptions,
        Map<String, Link> links,
        ResourceAttributes attributes) {

    public Subscription {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(offerId, "offerId");
        if (offerId.isBlank()) {
            throw new IllegalArgumentException("subscription " + id + ": offerId must not be blank, got "
                    + InputQuote.quote(offerId));
        }
        Objects.requireNonNull(offerName, "offerName");
        Objects.requireNonNull(friendlyName, "friendlyName");
        if (quantity < 0) {
            throw new IllegalArgumentException("subscription " + id + ": quantity must not be negative, got " + quantity);
        }
        Objects.requireNonNull(unitType, "unitType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(autoRenewEnabled, "autoRenewEnabled");
        Objects.requireNonNull(billingCycle, "billingCycle");
        Objects.requireNonNull(termDuration, "termDuration");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(effectiveStartDate, "effectiveStartDate");
        Objects.requireNonNull(commitmentEndDate, "commitmentEndDate");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(entitlementId, "entitlementId");
        Objects.requireNonNull(isTrial, "isTrial");
        Objects.requireNonNull(billingType, "billingType");
        Objects.requireNonNull(contractType, "contractType");
        refundOptions = List.copyOf(Objects.requireNonNull(refundOptions, "refundOptions"));
        links = Map.copyOf(Objects.requireNonNull(links, "links"));
        Objects.requireNonNull(attributes, "attributes");
    }

    /** The same subscription without its etag, which the service rotates and which says nothing about it. */
    public Subscription withoutEtag() {
        return new Subscription(customer, id, offerId, offerName, friendlyName, quantity, unitType, status,
                autoRenewEnabled, billingCycle, termDuration, creationDate, effectiveStartDate, commitmentEndDate,
                orderId, entitlementId, isTrial, billingType, contractType, refundOptions, links,
                new ResourceAttributes(Optional.empty(), attributes.objectType()));
    }
}
