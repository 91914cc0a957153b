package dev.pcorders.adapter.http.order.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record PurchaseCommitmentDto(
        @JsonAlias("Amount") BigDecimal amount,
        @JsonAlias("Currency") String currency,
        @JsonAlias("Grain") String grain) {
}
