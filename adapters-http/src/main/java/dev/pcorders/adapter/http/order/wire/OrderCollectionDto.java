package dev.pcorders.adapter.http.order.wire;

import dev.pcorders.adapter.http.wire.AttributesDto;
import dev.pcorders.adapter.http.wire.CollectionLinksDto;
import dev.pcorders.adapter.http.wire.CollectionReader;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;

/** {@code ResourceCollection<Order>}: totalCount, items, links (self, next, previous), attributes. */
@Serdeable
@Serdeable.Deserializable(using = OrderCollectionDto.Reader.class)
public record OrderCollectionDto(
        Integer totalCount,
        List<OrderDto> items,
        CollectionLinksDto links,
        AttributesDto attributes) {

    /** The envelope every collection shares, with {@link OrderDto}'s reader for the items. */
    @Singleton
    static final class Reader extends CollectionReader<OrderCollectionDto, OrderDto> {

        Reader() {
            super(OrderDto.READER);
        }

        @SuppressWarnings("unchecked")
        @Override
        protected OrderCollectionDto create(Object[] values) {
            return new OrderCollectionDto(
                    (Integer) values[0], (List<OrderDto>) values[1], (CollectionLinksDto) values[2],
                    (AttributesDto) values[3]);
        }
    }
}
