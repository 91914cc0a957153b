package dev.pcorders.adapter.http.order.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/** Prices as BigDecimal straight from the JSON number's text: no double on the way. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record PricingDto(
        @JsonAlias("ListPrice") BigDecimal listPrice,
        @JsonAlias("DiscountedPrice") BigDecimal discountedPrice,
        @JsonAlias("ExtendedPrice") BigDecimal extendedPrice,
        @JsonAlias("Price") BigDecimal price,
        @JsonAlias("ProratedPrice") BigDecimal proratedPrice) {
}
