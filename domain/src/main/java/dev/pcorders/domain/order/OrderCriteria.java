package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.CustomerId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which cached orders a reader wants. Every filter is optional and they combine with AND; the line
 * item filters (reseller, offer, subscription) match an order when any of its line items matches.
 * The creation window is {@code [createdFrom, createdBefore)}. Text comparisons ignore case, since
 * Partner Center spells the same GUID in either case.
 */
public record OrderCriteria(
        Optional<CustomerId> customer,
        Optional<String> partnerIdOnRecord,
        Optional<Coded<OrderStatus>> status,
        Optional<Coded<BillingCycle>> billingCycle,
        Optional<Instant> createdFrom,
        Optional<Instant> createdBefore,
        Optional<OfferId> offerId,
        Optional<String> subscriptionId) {

    public static final OrderCriteria ALL = new OrderCriteria(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public OrderCriteria {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(partnerIdOnRecord, "partnerIdOnRecord");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(billingCycle, "billingCycle");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdBefore, "createdBefore");
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        if (createdFrom.isPresent() && createdBefore.isPresent() && !createdFrom.get().isBefore(createdBefore.get())) {
            throw new IllegalArgumentException(
                    "creation window is empty: from " + createdFrom.get() + " is not before " + createdBefore.get());
        }
    }

    public OrderCriteria withCustomer(CustomerId value) {
        return new OrderCriteria(Optional.of(value), partnerIdOnRecord, status, billingCycle, createdFrom,
                createdBefore, offerId, subscriptionId);
    }

    public OrderCriteria withPartnerIdOnRecord(String value) {
        return new OrderCriteria(customer, Optional.of(value), status, billingCycle, createdFrom, createdBefore,
                offerId, subscriptionId);
    }

    public OrderCriteria withStatus(Coded<OrderStatus> value) {
        return new OrderCriteria(customer, partnerIdOnRecord, Optional.of(value), billingCycle, createdFrom,
                createdBefore, offerId, subscriptionId);
    }

    public OrderCriteria withBillingCycle(Coded<BillingCycle> value) {
        return new OrderCriteria(customer, partnerIdOnRecord, status, Optional.of(value), createdFrom, createdBefore,
                offerId, subscriptionId);
    }

    public OrderCriteria createdBetween(Instant from, Instant before) {
        return new OrderCriteria(customer, partnerIdOnRecord, status, billingCycle, Optional.ofNullable(from),
                Optional.ofNullable(before), offerId, subscriptionId);
    }

    public OrderCriteria withOfferId(OfferId value) {
        return new OrderCriteria(customer, partnerIdOnRecord, status, billingCycle, createdFrom, createdBefore,
                Optional.of(value), subscriptionId);
    }

    public OrderCriteria withSubscriptionId(String value) {
        return new OrderCriteria(customer, partnerIdOnRecord, status, billingCycle, createdFrom, createdBefore,
                offerId, Optional.of(value));
    }

    /** The rule every repository implements; the in-memory one applies it directly. */
    public boolean matches(Order order) {
        return customer.map(order.referenceCustomerId()::equals).orElse(true)
                && status.map(wanted -> order.status().map(wanted::sameValueAs).orElse(false)).orElse(true)
                && billingCycle.map(wanted -> order.billingCycle().map(wanted::sameValueAs).orElse(false)).orElse(true)
                && createdFrom.map(from -> !order.creationDate().isBefore(from)).orElse(true)
                && createdBefore.map(before -> order.creationDate().isBefore(before)).orElse(true)
                && partnerIdOnRecord.map(wanted -> order.lineItems().stream().anyMatch(item ->
                        item.partnerIdOnRecord().map(wanted::equalsIgnoreCase).orElse(false))).orElse(true)
                && offerId.map(wanted -> order.lineItems().stream().anyMatch(item ->
                        item.offerId().matchKey().equals(wanted.matchKey()))).orElse(true)
                && subscriptionId.map(wanted -> order.lineItems().stream().anyMatch(item ->
                        item.subscriptionId().map(id -> id.toLowerCase(Locale.ROOT)
                                .equals(wanted.toLowerCase(Locale.ROOT))).orElse(false))).orElse(true);
    }
}
