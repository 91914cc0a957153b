package dev.pcorders.adapter.http.order.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record LineItemLinksDto(
        @JsonAlias("Product") LinkDto product,
        @JsonAlias("Sku") LinkDto sku,
        @JsonAlias("Availability") LinkDto availability,
        @JsonAlias("Subscription") LinkDto subscription,
        @JsonAlias("ProvisioningStatus") LinkDto provisioningStatus,
        @JsonAlias("ActivationLinks") LinkDto activationLinks) {
}
