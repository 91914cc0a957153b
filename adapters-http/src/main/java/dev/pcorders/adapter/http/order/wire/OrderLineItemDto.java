package dev.pcorders.adapter.http.order.wire;

import dev.pcorders.adapter.http.wire.IndexedWireReader;
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

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends IndexedWireReader<OrderLineItemDto> {

        @Override
        protected int propertyCount() {
            return 17;
        }

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
        protected void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = switch (index) {
                case 0, 7 -> integer(value);
                case 1, 2, 3, 4, 5, 6, 8, 13, 15 -> string(value);
                case 9 -> stringMap(value);
                case 10 -> PricingDto.READER.readNullable(value);
                case 11 -> PurchaseCommitmentDto.READER.readNullable(value);
                case 12 -> RenewsToDto.READER.readNullable(value);
                case 14 -> bool(value);
                default -> LineItemLinksReader.READER.readNullable(value);
            };
        }

        @SuppressWarnings("unchecked")
        @Override
        protected OrderLineItemDto create(Object[] values) {
            return new OrderLineItemDto(
                    (Integer) values[0], (String) values[1], (String) values[2], (String) values[3], (String) values[4],
                    (String) values[5], (String) values[6], (Integer) values[7], (String) values[8],
                    (Map<String, String>) values[9], (PricingDto) values[10], (PurchaseCommitmentDto) values[11],
                    (RenewsToDto) values[12], (String) values[13], (Boolean) values[14], (String) values[15],
                    (LineItemLinks) values[16]);
        }
    }
}
