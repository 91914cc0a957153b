package dev.pcorders.adapter.http.order.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record CollectionLinksDto(
        @JsonAlias("Self") LinkDto self,
        @JsonAlias("Next") LinkDto next,
        @JsonAlias("Previous") LinkDto previous) {
}
