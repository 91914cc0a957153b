package dev.pcorders.adapter.http.order.wire;

import dev.pcorders.adapter.http.wire.AttributesDto;
import dev.pcorders.adapter.http.wire.IndexedWireReader;
import dev.pcorders.adapter.http.wire.WireReader;
import dev.pcorders.domain.order.OrderLinks;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/** An Order. {@code creationDate} and the enums stay strings here; the mapper parses them leniently. */
@Serdeable
@Serdeable.Deserializable(using = OrderDto.Reader.class)
public record OrderDto(
        String id,
        String alternateId,
        String referenceCustomerId,
        String billingCycle,
        String currencyCode,
        String currencySymbol,
        String creationDate,
        String status,
        BigDecimal totalPrice,
        String transactionType,
        ClientDto client,
        List<OrderLineItemDto> lineItems,
        OrderLinks links,
        AttributesDto attributes) {

    public static final WireReader<OrderDto> READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends IndexedWireReader<OrderDto> {

        @Override
        protected int propertyCount() {
            return 14;
        }

        @Override
        protected int property(String name) {
            return switch (name) {
                case "id", "Id" -> 0;
                case "alternateId", "AlternateId" -> 1;
                case "referenceCustomerId", "ReferenceCustomerId" -> 2;
                case "billingCycle", "BillingCycle" -> 3;
                case "currencyCode", "CurrencyCode" -> 4;
                case "currencySymbol", "CurrencySymbol" -> 5;
                case "creationDate", "CreationDate" -> 6;
                case "status", "Status" -> 7;
                case "totalPrice", "TotalPrice" -> 8;
                case "transactionType", "TransactionType" -> 9;
                case "client", "Client" -> 10;
                case "lineItems", "LineItems" -> 11;
                case "links", "Links" -> 12;
                case "attributes", "Attributes" -> 13;
                default -> UNKNOWN;
            };
        }

        @Override
        protected void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = switch (index) {
                case 0, 1, 2, 3, 4, 5, 6, 7, 9 -> string(value);
                case 8 -> decimal(value);
                case 10 -> ClientDto.READER.readNullable(value);
                case 11 -> OrderLineItemDto.READER.readList(value);
                case 12 -> OrderLinksReader.READER.readNullable(value);
                default -> AttributesDto.READER.readNullable(value);
            };
        }

        @SuppressWarnings("unchecked")
        @Override
        protected OrderDto create(Object[] values) {
            return new OrderDto(
                    (String) values[0], (String) values[1], (String) values[2], (String) values[3], (String) values[4],
                    (String) values[5], (String) values[6], (String) values[7], (BigDecimal) values[8],
                    (String) values[9], (ClientDto) values[10], (List<OrderLineItemDto>) values[11],
                    (OrderLinks) values[12], (AttributesDto) values[13]);
        }
    }
}
