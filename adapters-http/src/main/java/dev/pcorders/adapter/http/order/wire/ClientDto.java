package dev.pcorders.adapter.http.order.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientDto(
        @JsonAlias("DeviceFamily") String deviceFamily,
        @JsonAlias("MarketplaceCountry") String marketplaceCountry,
        @JsonAlias("Name") String name) {
}
