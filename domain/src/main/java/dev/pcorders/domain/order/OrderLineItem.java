package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.InputQuote;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an order. Strings the service may omit are {@link Optional}; an empty string it did
 * send (a {@code termDuration} of {@code ""}) stays an empty string, distinct from absent.
 */
public record OrderLineItem(
        int lineItemNumber,
        OfferId offerId,
        Optional<String> subscriptionId,
        Optional<String> parentSubscriptionId,
        Optional<String> termDuration,
        Optional<Coded<LineItemTransactionType>> transactionType,
        Optional<String> friendlyName,
        int quantity,
        Optional<String> partnerIdOnRecord,
        Map<String, String> provisioningContext,
        Optional<Pricing> pricing,
        Optional<PurchaseCommitment> purchaseCommitment,
        Optional<RenewsTo> renewsTo,
        Optional<String> promotionId,
        Optional<Boolean> attestationAccepted,
        Optional<LocalDate> customTermEndDate,
        LineItemLinks links) {

    public OrderLineItem {
        if (lineItemNumber < 0) {
            throw new IllegalArgumentException("lineItemNumber must not be negative, got " + lineItemNumber);
        }
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(parentSubscriptionId, "parentSubscriptionId");
        Objects.requireNonNull(termDuration, "termDuration");
        Objects.requireNonNull(transactionType, "transactionType");
        Objects.requireNonNull(friendlyName, "friendlyName");
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must not be negative, got " + quantity);
        }
        Objects.requireNonNull(partnerIdOnRecord, "partnerIdOnRecord");
        provisioningContext = copyInOrder(provisioningContext);
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(purchaseCommitment, "purchaseCommitment");
        Objects.requireNonNull(renewsTo, "renewsTo");
        Objects.requireNonNull(promotionId, "promotionId");
        Objects.requireNonNull(attestationAccepted, "attestationAccepted");
        Objects.requireNonNull(customTermEndDate, "customTermEndDate");
        Objects.requireNonNull(links, "links");
    }

    // Map.copyOf would lose the order the service listed the keys in, which exports should keep.
    private static Map<String, String> copyInOrder(Map<String, String> source) {
        Objects.requireNonNull(source, "provisioningContext");
        if (source.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        source.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new IllegalArgumentException(
                        "provisioningContext must not hold nulls, got " + InputQuote.quote(key) + " = " + InputQuote.quote(value));
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    public static Builder builder(int lineItemNumber, OfferId offerId, int quantity) {
        return new Builder(lineItemNumber, offerId, quantity);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a line item; every optional field starts absent. Null arguments mean absent. */
    public static final class Builder {
        private int lineItemNumber;
        private OfferId offerId;
        private int quantity;
        private String subscriptionId;
        private String parentSubscriptionId;
        private String termDuration;
        private Coded<LineItemTransactionType> transactionType;
        private String friendlyName;
        private String partnerIdOnRecord;
        private Map<String, String> provisioningContext = Map.of();
        private Pricing pricing;
        private PurchaseCommitment purchaseCommitment;
        private RenewsTo renewsTo;
        private String promotionId;
        private Boolean attestationAccepted;
        private LocalDate customTermEndDate;
        private LineItemLinks links = LineItemLinks.NONE;

        private Builder(int lineItemNumber, OfferId offerId, int quantity) {
            this.lineItemNumber = lineItemNumber;
            this.offerId = offerId;
            this.quantity = quantity;
        }

        private Builder(OrderLineItem item) {
            this(item.lineItemNumber, item.offerId, item.quantity);
            subscriptionId = item.subscriptionId.orElse(null);
            parentSubscriptionId = item.parentSubscriptionId.orElse(null);
            termDuration = item.termDuration.orElse(null);
            transactionType = item.transactionType.orElse(null);
            friendlyName = item.friendlyName.orElse(null);
            partnerIdOnRecord = item.partnerIdOnRecord.orElse(null);
            provisioningContext = item.provisioningContext;
            pricing = item.pricing.orElse(null);
            purchaseCommitment = item.purchaseCommitment.orElse(null);
            renewsTo = item.renewsTo.orElse(null);
            promotionId = item.promotionId.orElse(null);
            attestationAccepted = item.attestationAccepted.orElse(null);
            customTermEndDate = item.customTermEndDate.orElse(null);
            links = item.links;
        }

        public Builder lineItemNumber(int value) {
            lineItemNumber = value;
            return this;
        }

        public Builder offerId(OfferId value) {
            offerId = value;
            return this;
        }

        public Builder quantity(int value) {
            quantity = value;
            return this;
        }

        public Builder subscriptionId(String value) {
            subscriptionId = value;
            return this;
        }

        public Builder parentSubscriptionId(String value) {
            parentSubscriptionId = value;
            return this;
        }

        public Builder termDuration(String value) {
            termDuration = value;
            return this;
        }

        public Builder transactionType(Coded<LineItemTransactionType> value) {
            transactionType = value;
            return this;
        }

        public Builder friendlyName(String value) {
            friendlyName = value;
            return this;
        }

        public Builder partnerIdOnRecord(String value) {
            partnerIdOnRecord = value;
            return this;
        }

        public Builder provisioningContext(Map<String, String> value) {
            provisioningContext = value == null ? Map.of() : value;
            return this;
        }

        public Builder pricing(Pricing value) {
            pricing = value;
            return this;
        }

        public Builder purchaseCommitment(PurchaseCommitment value) {
            purchaseCommitment = value;
            return this;
        }

        public Builder renewsTo(RenewsTo value) {
            renewsTo = value;
            return this;
        }

        public Builder promotionId(String value) {
            promotionId = value;
            return this;
        }

        public Builder attestationAccepted(Boolean value) {
            attestationAccepted = value;
            return this;
        }

        public Builder customTermEndDate(LocalDate value) {
            customTermEndDate = value;
            return this;
        }

        public Builder links(LineItemLinks value) {
            links = value == null ? LineItemLinks.NONE : value;
            return this;
        }

        public OrderLineItem build() {
            return new OrderLineItem(lineItemNumber, offerId, Optional.ofNullable(subscriptionId),
                    Optional.ofNullable(parentSubscriptionId), Optional.ofNullable(termDuration),
                    Optional.ofNullable(transactionType), Optional.ofNullable(friendlyName), quantity,
                    Optional.ofNullable(partnerIdOnRecord), provisioningContext, Optional.ofNullable(pricing),
                    Optional.ofNullable(purchaseCommitment), Optional.ofNullable(renewsTo),
                    Optional.ofNullable(promotionId), Optional.ofNullable(attestationAccepted),
                    Optional.ofNullable(customTermEndDate), links);
        }
    }
}
