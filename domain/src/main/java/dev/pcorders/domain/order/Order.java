package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Money;
import dev.pcorders.domain.shared.ResourceAttributes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Partner Center order as the service returned it. {@code creationDate} is the instant; the offset
 * it was written with ({@code -07:00} in some payloads) is kept in {@code creationDateOffset} so an
 * export can show it as sent. {@code totalPrice} and line item pricing are present only when the
 * orders were fetched with {@code include_price}.
 */
public record Order(
        OrderId id,
        Optional<String> alternateId,
        CustomerId referenceCustomerId,
        Optional<Coded<BillingCycle>> billingCycle,
        Optional<CurrencyCode> currencyCode,
        Optional<String> currencySymbol,
        Instant creationDate,
        ZoneOffset creationDateOffset,
        Optional<Coded<OrderStatus>> status,
        Optional<Amount> totalPrice,
        Optional<Coded<OrderTransactionType>> transactionType,
        Optional<ClientContext> client,
        List<OrderLineItem> lineItems,
        OrderLinks links,
        ResourceAttributes attributes) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alternateId, "alternateId");
        Objects.requireNonNull(referenceCustomerId, "referenceCustomerId");
        Objects.requireNonNull(billingCycle, "billingCycle");
        Objects.requireNonNull(currencyCode, "currencyCode");
        Objects.requireNonNull(currencySymbol, "currencySymbol");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(creationDateOffset, "creationDateOffset");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(totalPrice, "totalPrice");
        Objects.requireNonNull(transactionType, "transactionType");
        Objects.requireNonNull(client, "client");
        lineItems = List.copyOf(lineItems);
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(attributes, "attributes");
        requireDistinctLineNumbers(id, lineItems);
    }

    // Orders hold a handful of lines: comparing pairs beats boxing every number into a HashSet.
    private static void requireDistinctLineNumbers(OrderId id, List<OrderLineItem> lineItems) {
        if (lineItems.size() > 32) {
            Set<Integer> numbers = new HashSet<>();
            for (OrderLineItem item : lineItems) {
                if (!numbers.add(item.lineItemNumber())) {
                    throw repeatedLineNumber(id, item.lineItemNumber());
                }
            }
            return;
        }
        for (int i = 1; i < lineItems.size(); i++) {
            int number = lineItems.get(i).lineItemNumber();
            for (int j = 0; j < i; j++) {
                if (lineItems.get(j).lineItemNumber() == number) {
                    throw repeatedLineNumber(id, number);
                }
            }
        }
    }

    private static IllegalArgumentException repeatedLineNumber(OrderId id, int number) {
        return new IllegalArgumentException("order " + id + " has line item number " + number + " more than once");
    }

    /** The creation date with the offset it was sent with. */
    public OffsetDateTime creationDateAsSent() {
        return creationDate.atOffset(creationDateOffset);
    }

    /** The total in the order's currency, when both were sent. */
    public Optional<Money> totalPriceMoney() {
        return totalPrice.flatMap(total -> currencyCode.map(total::in));
    }

    public boolean isCancelled() {
        return status.map(s -> s.known() == OrderStatus.CANCELLED).orElse(false);
    }

    public Optional<OrderLineItem> lineItem(int lineItemNumber) {
        return lineItems.stream().filter(item -> item.lineItemNumber() == lineItemNumber).findFirst();
    }

    public static Builder builder(OrderId id, CustomerId customer, Instant creationDate) {
        return new Builder(id, customer, creationDate);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds an order; every optional field starts absent. Null arguments mean absent. */
    public static final class Builder {
        private OrderId id;
        private CustomerId referenceCustomerId;
        private Instant creationDate;
        private ZoneOffset creationDateOffset = ZoneOffset.UTC;
        private String alternateId;
        private Coded<BillingCycle> billingCycle;
        private CurrencyCode currencyCode;
        private String currencySymbol;
        private Coded<OrderStatus> status;
        private Amount totalPrice;
        private Coded<OrderTransactionType> transactionType;
        private ClientContext client;
        private List<OrderLineItem> lineItems = List.of();
        private OrderLinks links = OrderLinks.NONE;
        private ResourceAttributes attributes = ResourceAttributes.NONE;

        private Builder(OrderId id, CustomerId customer, Instant creationDate) {
            this.id = id;
            this.referenceCustomerId = customer;
            this.creationDate = creationDate;
        }

        private Builder(Order order) {
            this(order.id, order.referenceCustomerId, order.creationDate);
            creationDateOffset = order.creationDateOffset;
            alternateId = order.alternateId.orElse(null);
            billingCycle = order.billingCycle.orElse(null);
            currencyCode = order.currencyCode.orElse(null);
            currencySymbol = order.currencySymbol.orElse(null);
            status = order.status.orElse(null);
            totalPrice = order.totalPrice.orElse(null);
            transactionType = order.transactionType.orElse(null);
            client = order.client.orElse(null);
            lineItems = order.lineItems;
            links = order.links;
            attributes = order.attributes;
        }

        public Builder id(OrderId value) {
            id = value;
            return this;
        }

        public Builder referenceCustomerId(CustomerId value) {
            referenceCustomerId = value;
            return this;
        }

        /** Sets the instant and keeps the offset it was written with. */
        public Builder creationDate(OffsetDateTime value) {
            creationDate = value.toInstant();
            creationDateOffset = value.getOffset();
            return this;
        }

        public Builder creationDate(Instant value) {
            creationDate = value;
            return this;
        }

        public Builder creationDateOffset(ZoneOffset value) {
            creationDateOffset = value;
            return this;
        }

        public Builder alternateId(String value) {
            alternateId = value;
            return this;
        }

        public Builder billingCycle(Coded<BillingCycle> value) {
            billingCycle = value;
            return this;
        }

        public Builder billingCycle(BillingCycle value) {
            billingCycle = value == null ? null : Coded.of(value);
            return this;
        }

        public Builder currencyCode(CurrencyCode value) {
            currencyCode = value;
            return this;
        }

        public Builder currencySymbol(String value) {
            currencySymbol = value;
            return this;
        }

        public Builder status(Coded<OrderStatus> value) {
            status = value;
            return this;
        }

        public Builder status(OrderStatus value) {
            status = value == null ? null : Coded.of(value);
            return this;
        }

        public Builder totalPrice(Amount value) {
            totalPrice = value;
            return this;
        }

        public Builder transactionType(Coded<OrderTransactionType> value) {
            transactionType = value;
            return this;
        }

        public Builder client(ClientContext value) {
            client = value;
            return this;
        }

        public Builder lineItems(List<OrderLineItem> value) {
            lineItems = value == null ? List.of() : value;
            return this;
        }

        public Builder links(OrderLinks value) {
            links = value == null ? OrderLinks.NONE : value;
            return this;
        }

        public Builder attributes(ResourceAttributes value) {
            attributes = value == null ? ResourceAttributes.NONE : value;
            return this;
        }

        public Order build() {
            return new Order(id, Optional.ofNullable(alternateId), referenceCustomerId,
                    Optional.ofNullable(billingCycle), Optional.ofNullable(currencyCode),
                    Optional.ofNullable(currencySymbol), creationDate, creationDateOffset,
                    Optional.ofNullable(status), Optional.ofNullable(totalPrice),
                    Optional.ofNullable(transactionType), Optional.ofNullable(client), lineItems, links, attributes);
        }
    }
}
