package dev.pcorders.domain.subscription;

import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ResourceAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Subscriptions for tests: {@code aSubscription("s1").quantity(3).build()}; every field has a plausible default. */
public final class TestSubscriptions {

    public static final CustomerId CUSTOMER = CustomerId.parse("4c2d7a9e-1f3b-4e5a-9c8d-7b6a5f4e3d2c");
    public static final CustomerId OTHER_CUSTOMER = CustomerId.parse("11111111-2222-4333-8444-555555555555");
    public static final Instant CREATED = Instant.parse("2025-06-01T08:00:00Z");
    public static final String OFFER = "CFQ7TTC0LH18:0001:CFQ7TTC0K59S";

    private TestSubscriptions() {
    }

    public static Builder aSubscription(String id) {
        return new Builder(id);
    }

    @SafeVarargs
    public static Page<Subscription> page(int number, Subscription... subscriptions) {
        return new Page<>(number, List.of(subscriptions), OptionalInt.empty());
    }

    /** Mutable fixture builder; {@link #build()} goes through the record's validation. */
    public static final class Builder {
        private CustomerId customer = CUSTOMER;
        private final String id;
        private String offerId = OFFER;
        private int quantity = 1;
        private Coded<SubscriptionStatus> status = Coded.of(SubscriptionStatus.ACTIVE);
        private String friendlyName = "Microsoft 365 Business Basic";
        private Instant creationDate = CREATED;
        private String etag = "etag-1";
        private Optional<Boolean> autoRenew = Optional.of(true);

        private Builder(String id) {
            this.id = id;
        }

        public Builder customer(CustomerId value) {
            customer = value;
            return this;
        }

        public Builder offerId(String value) {
            offerId = value;
            return this;
        }

        public Builder quantity(int value) {
            quantity = value;
            return this;
        }

        public Builder status(SubscriptionStatus value) {
            return status(Coded.of(value));
        }

        public Builder status(Coded<SubscriptionStatus> value) {
            status = value;
            return this;
        }

        public Builder friendlyName(String value) {
            friendlyName = value;
            return this;
        }

        public Builder creationDate(Instant value) {
            creationDate = value;
            return this;
        }

        public Builder etag(String value) {
            etag = value;
            return this;
        }

        public Builder autoRenewEnabled(Boolean value) {
            autoRenew = Optional.ofNullable(value);
            return this;
        }

        public Subscription build() {
            return new Subscription(customer, SubscriptionId.of(id), offerId, Optional.of("Microsoft 365 Business Basic"),
                    Optional.ofNullable(friendlyName), quantity, Optional.of("Licenses"), status, autoRenew,
                    Optional.of(Coded.of(BillingCycle.MONTHLY)), Optional.of("P1M"), creationDate,
                    Optional.of(creationDate), Optional.of(creationDate.plusSeconds(30L * 86_400)),
                    Optional.of(OrderId.of("a1b2c3d4e5f6")), Optional.of("e-" + id), Optional.of(false),
                    Optional.of("license"), Optional.empty(),
                    List.of(new RefundOption("Full", creationDate.plusSeconds(7L * 86_400))),
                    Map.of("self", Link.get("customers/" + customer + "/subscriptions/" + id)),
                    new ResourceAttributes(Optional.ofNullable(etag), Optional.of("Subscription")));
        }
    }
}
