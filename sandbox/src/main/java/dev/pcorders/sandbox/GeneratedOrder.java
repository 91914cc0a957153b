package dev.pcorders.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One order as the generator made it: the values the wire writer and the CSV writer both read. */
record GeneratedOrder(
        int customerIndex,
        int orderIndex,
        String id,
        Optional<String> alternateId,
        String customerId,
        BillingCycleCode cycle,
        String billingCycleText,
        String currencyCode,
        String currencySymbol,
        String creationDate,
        LocalDate creationDay,
        String status,
        String transactionType,
        Optional<Client> client,
        List<LineItem> lineItems,
        boolean patchable,
        Optional<String> etag,
        Optional<String> resellerId) {

    static final String STATUS_CANCELLED = "cancelled";

    record Client(String marketplaceCountry, String deviceFamily, String name) {
    }

    record Prices(BigDecimal listPrice, BigDecimal discountedPrice, BigDecimal extendedPrice, BigDecimal price,
                  BigDecimal proratedPrice) {
    }

    record Commitment(BigDecimal amount, String currency, String grain) {
    }

    record LineItem(
            int number,
            Optional<OfferCatalog.Offer> catalogOffer,
            String offerId,
            Optional<String> subscriptionId,
            Optional<String> parentSubscriptionId,
            Optional<String> termDuration,
            String transactionType,
            String friendlyName,
            int quantity,
            Optional<String> partnerIdOnRecord,
            Map<String, String> provisioningContext,
            Prices pricing,
            Optional<Commitment> purchaseCommitment,
            Optional<String> renewsTo,
            Optional<String> promotionId,
            Optional<Boolean> attestationAccepted,
            Optional<String> customTermEndDate,
            boolean activationLink) {
    }

    boolean isCancelled() {
        return STATUS_CANCELLED.equals(status);
    }

    boolean isSystemPurchase() {
        return !OrderTraits.USER_PURCHASE.equals(transactionType);
    }

    BigDecimal totalPrice() {
        BigDecimal total = BigDecimal.ZERO.setScale(4);
        for (LineItem item : lineItems) {
            total = total.add(item.pricing().extendedPrice());
        }
        return total;
    }
}
