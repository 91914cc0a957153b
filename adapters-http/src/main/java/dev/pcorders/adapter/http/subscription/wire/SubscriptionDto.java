package dev.pcorders.adapter.http.subscription.wire;

import dev.pcorders.adapter.http.wire.AttributesDto;
import dev.pcorders.adapter.http.wire.LinkDto;
import dev.pcorders.adapter.http.wire.IndexedWireReader;
import dev.pcorders.adapter.http.wire.WireReader;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A Subscription, with the fields the domain keeps (others are skipped unread). Dates and enums stay strings here;
 * the mapper parses them. {@code links} maps each relation ({@code offer}, {@code entitlement}, {@code self}, ...) to
 * its link, in the order sent.
 */
@Serdeable
@Serdeable.Deserializable(using = SubscriptionDto.Reader.class)
public record SubscriptionDto(
        String id,
        String offerId,
        String offerName,
        String friendlyName,
        Integer quantity,
        String unitType,
        String creationDate,
        String effectiveStartDate,
        String commitmentEndDate,
        String status,
        Boolean autoRenewEnabled,
        Boolean isTrial,
        String billingType,
        String billingCycle,
        String termDuration,
        String contractType,
        String orderId,
        String entitlementId,
        List<RefundOptionDto> refundOptions,
        Map<String, LinkDto> links,
        AttributesDto attributes) {

    public static final WireReader<SubscriptionDto> READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends IndexedWireReader<SubscriptionDto> {

        @Override
        protected int propertyCount() {
            return 21;
        }

        @Override
        protected int property(String name) {
            return switch (name) {
                case "id", "Id" -> 0;
                case "offerId", "OfferId" -> 1;
                case "offerName", "OfferName" -> 2;
                case "friendlyName", "FriendlyName" -> 3;
                case "quantity", "Quantity" -> 4;
                case "unitType", "UnitType" -> 5;
                case "creationDate", "CreationDate" -> 6;
                case "effectiveStartDate", "EffectiveStartDate" -> 7;
                case "commitmentEndDate", "CommitmentEndDate" -> 8;
                case "status", "Status" -> 9;
                case "autoRenewEnabled", "AutoRenewEnabled" -> 10;
                case "isTrial", "IsTrial" -> 11;
                case "billingType", "BillingType" -> 12;
                case "billingCycle", "BillingCycle" -> 13;
                case "termDuration", "TermDuration" -> 14;
                case "contractType", "ContractType" -> 15;
                case "orderId", "OrderId" -> 16;
                case "entitlementId", "EntitlementId" -> 17;
                case "refundOptions", "RefundOptions" -> 18;
                case "links", "Links" -> 19;
                case "attributes", "Attributes" -> 20;
                default -> UNKNOWN;
            };
        }

        @Override
        protected void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = switch (index) {
                case 4 -> wholeNumber(value);
                case 10, 11 -> bool(value);
                case 18 -> RefundOptionDto.READER.readList(value);
                case 19 -> recordMap(value, LinkDto.READER);
                case 20 -> AttributesDto.READER.readNullable(value);
                default -> string(value);
            };
        }

        @SuppressWarnings("unchecked")
        @Override
        protected SubscriptionDto create(Object[] values) {
            return new SubscriptionDto(
                    (String) values[0], (String) values[1], (String) values[2], (String) values[3], (Integer) values[4],
                    (String) values[5], (String) values[6], (String) values[7], (String) values[8], (String) values[9],
                    (Boolean) values[10], (Boolean) values[11], (String) values[12], (String) values[13],
                    (String) values[14], (String) values[15], (String) values[16], (String) values[17],
                    (List<RefundOptionDto>) values[18], (Map<String, LinkDto>) values[19], (AttributesDto) values[20]);
        }
    }
}
