package dev.pcorders.adapter.http.subscription.wire;

import dev.pcorders.adapter.http.wire.AttributesDto;
import dev.pcorders.adapter.http.wire.CollectionLinksDto;
import dev.pcorders.adapter.http.wire.CollectionReader;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;

/** {@code ResourceCollection<Subscription>}: totalCount, items, links (self, next, previous), attributes. */
@Serdeable
@Serdeable.Deserializable(using = SubscriptionCollectionDto.Reader.class)
public record SubscriptionCollectionDto(
        Integer totalCount,
        List<SubscriptionDto> items,
        CollectionLinksDto links,
        AttributesDto attributes) {

    /** The envelope every collection shares, with {@link SubscriptionDto}'s reader for the items. */
    @Singleton
    static final class Reader extends CollectionReader<SubscriptionCollectionDto, SubscriptionDto> {

        Reader() {
            super(SubscriptionDto.READER);
        }

        @SuppressWarnings("unchecked")
        @Override
        protected SubscriptionCollectionDto create(Object[] values) {
            return new SubscriptionCollectionDto(
                    (Integer) values[0], (List<SubscriptionDto>) values[1], (CollectionLinksDto) values[2],
                    (AttributesDto) values[3]);
        }
    }
}
