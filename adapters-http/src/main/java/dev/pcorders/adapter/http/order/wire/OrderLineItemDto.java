package dev.pcorders.adapter.http.order.wire;

import dev.pcorders.adapter.http.wire.WireReader;
import dev.pcorders.domain.order.LineItemLinks;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;

@Serdeable
@Serdeable.Deserializable(using = OrderLineItemDto.Reader.class)
public record OrderLineItemDto(
        Integer lineItemNumber,
        String offerId,
        String subscriptionId,
        String parentSubscriptionId,
        String termDuration,
        String transactionType,
        String friendlyName,
        Integer quantity,
        String partnerIdOnRecord,
        Map<String, String> provisioningContext,
        PricingDto pricing,
        PurchaseCommitmentDto purchaseCommitment,
        RenewsToDto renewsTo,
        String promotionId,
        Boolean attestationAccepted,
        String customTermEndDate,
        LineItemLinks links) {

    static final Reader READER = new Reader();

    /**
     * Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. The values are kept in locals,
     * not an array: a collection holds ten thousand line items.
     */
    @Singleton
    static final class Reader extends WireReader<OrderLineItemDto> {

        @Override
        protected int property(String name) {
            return switch (name) {
                case "lineItemNumber", "LineItemNumber" -> 0;
                case "offerId", "OfferId" -> 1;
                case "subscriptionId", "SubscriptionId" -> 2;
                case "parentSubscriptionId", "ParentSubscriptionId" -> 3;
                case "termDuration", "TermDuration" -> 4;
                case "transactionType", "TransactionType" -> 5;
                case "friendlyName", "FriendlyName" -> 6;
                case "quantity", "Quantity" -> 7;
                case "partnerIdOnRecord", "PartnerIdOnRecord" -> 8;
                case "provisioningContext", "ProvisioningContext" -> 9;
                case "pricing", "Pricing" -> 10;
                case "purchaseCommitment", "PurchaseCommitment" -> 11;
                case "renewsTo", "RenewsTo" -> 12;
                case "promotionId", "PromotionId" -> 13;
                case "attestationAccepted", "AttestationAccepted" -> 14;
                case "customTermEndDate", "CustomTermEndDate" -> 15;
                case "links", "Links" -> 16;
                default -> UNKNOWN;
            };
        }

        @Override
        protected OrderLineItemDto readProperties(Decoder object) throws IOException {
            Integer lineItemNumber = null;
            String offerId = null;
            String subscriptionId = null;
            String parentSubscriptionId = null;
            String termDuration = null;
            String transactionType = null;
            String friendlyName = null;
            Integer quantity = null;
            String partnerIdOnRecord = null;
            Map<String, String> provisioningContext = null;
            PricingDto pricing = null;
            PurchaseCommitmentDto purchaseCommitment = null;
            RenewsToDto renewsTo = null;
            String promotionId = null;
            Boolean attestationAccepted = null;
            String customTermEndDate = null;
            LineItemLinks links = null;
            int seen = 0;
            for (String name = object.decodeKey(); name != null; name = object.decodeKey()) {
                int index = firstIndex(object, name, seen);
                if (index == UNKNOWN) {
                    continue;
                }
                seen |= 1 << index;
                try {
                    switch (index) {
                        case 0 -> lineItemNumber = integer(object);
                        case 1 -> offerId = string(object);
                        case 2 -> subscriptionId = string(object);
                        case 3 -> parentSubscriptionId = string(object);
                        case 4 -> termDuration = string(object);
                        case 5 -> transactionType = string(object);
                        case 6 -> friendlyName = string(object);
                        case 7 -> quantity = integer(object);
                        case 8 -> partnerIdOnRecord = string(object);
                        case 9 -> provisioningContext = stringMap(object);
                        case 10 -> pricing = PricingDto.READER.readNullable(object);
                        case 11 -> purchaseCommitment = PurchaseCommitmentDto.READER.readNullable(object);
                        case 12 -> renewsTo = RenewsToDto.READER.readNullable(object);
                        case 13 -> promotionId = string(object);
                        case 14 -> attestationAccepted = bool(object);
                        case 15 -> customTermEndDate = string(object);
                        default -> links = LineItemLinksReader.READER.readNullable(object);
                    }
                } catch (IOException e) {
                    throw named(e, name);
                }
            }
            return new OrderLineItemDto(lineItemNumber, offerId, subscriptionId, parentSubscriptionId, termDuration,
                    transactionType, friendlyName, quantity, partnerIdOnRecord, provisioningContext, pricing,
                    purchaseCommitment, renewsTo, promotionId, attestationAccepted, customTermEndDate, links);
        }
    }
}
