package dev.pcorders.adapter.http.order.wire;

import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;

/** {@code ResourceCollection<Order>}: totalCount, items, links (self, next, previous), attributes. */
@Serdeable
@Serdeable.Deserializable(using = OrderCollectionDto.Reader.class)
public record OrderCollectionDto(
        Integer totalCount,
        List<OrderDto> items,
        CollectionLinksDto links,
        AttributesDto attributes) {

    static final Reader READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends WireReader<OrderCollectionDto> {

        @Override
        int propertyCount() {
            return 4;
        }

        @Override
        int property(String name) {
            return switch (name) {
                case "totalCount", "TotalCount" -> 0;
                case "items", "Items" -> 1;
                case "links", "Links" -> 2;
                case "attributes", "Attributes" -> 3;
                default -> UNKNOWN;
            };
        }

        @Override
        void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = switch (index) {
                case 0 -> integer(value);
                case 1 -> OrderDto.READER.readList(value);
                case 2 -> CollectionLinksDto.READER.readNullable(value);
                default -> AttributesDto.READER.readNullable(value);
            };
        }

        @SuppressWarnings("unchecked")
        @Override
        OrderCollectionDto create(Object[] values) {
            return new OrderCollectionDto(
                    (Integer) values[0], (List<OrderDto>) values[1], (CollectionLinksDto) values[2],
                    (AttributesDto) values[3]);
        }
    }
}
