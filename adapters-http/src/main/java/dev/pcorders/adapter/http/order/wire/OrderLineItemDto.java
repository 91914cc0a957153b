package dev.pcorders.adapter.http.order.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderLineItemDto(
        @JsonAlias("LineItemNumber") Integer lineItemNumber,
        @JsonAlias("OfferId") String offerId,
        @JsonAlias("SubscriptionId") String subscriptionId,
        @JsonAlias("ParentSubscriptionId") String parentSubscriptionId,
        @JsonAlias("TermDuration") String termDuration,
        @JsonAlias("TransactionType") String transactionType,
        @JsonAlias("FriendlyName") String friendlyName,
        @JsonAlias("Quantity") Integer quantity,
        @JsonAlias("PartnerIdOnRecord") String partnerIdOnRecord,
        @JsonAlias("ProvisioningContext") Map<String, String> provisioningContext,
        @JsonAlias("Pricing") PricingDto pricing,
        @JsonAlias("PurchaseCommitment") PurchaseCommitmentDto purchaseCommitment,
        @JsonAlias("RenewsTo") RenewsToDto renewsTo,
        @JsonAlias("PromotionId") String promotionId,
        @JsonAlias("AttestationAccepted") Boolean attestationAccepted,
        @JsonAlias("CustomTermEndDate") String customTermEndDate,
        @JsonAlias("Links") LineItemLinksDto links) {
}
