package dev.pcorders.adapter.http.order.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code ResourceCollection<Order>}: totalCount, items, links (self, next, previous), attributes. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderCollectionDto(
        @JsonAlias("TotalCount") Integer totalCount,
        @JsonAlias("Items") List<OrderDto> items,
        @JsonAlias("Links") CollectionLinksDto links,
        @JsonAlias("Attributes") AttributesDto attributes) {
}
