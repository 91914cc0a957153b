package dev.pcorders.sandbox;

import java.util.Optional;

/** One subscription as the sandbox serves it: made from the order line item that created it. */
record GeneratedSubscription(
        String id,
        String customerId,
        String offerId,
        Optional<OfferCatalog.Offer> catalogOffer,
        String offerName,
        String friendlyName,
        int quantity,
        String status,
        boolean autoRenewEnabled,
        String billingCycle,
        Optional<String> termDuration,
        String creationDate,
        String effectiveStartDate,
        String commitmentEndDate,
        String orderId,
        String entitlementId,
        String refundExpiresAt,
        String country) {
}
