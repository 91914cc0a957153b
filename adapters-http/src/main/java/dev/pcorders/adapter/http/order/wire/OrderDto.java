package dev.pcorders.adapter.http.order.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;

/** An Order. {@code creationDate} and the enums stay strings here; the mapper parses them leniently. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderDto(
        @JsonAlias("Id") String id,
        @JsonAlias("AlternateId") String alternateId,
        @JsonAlias("ReferenceCustomerId") String referenceCustomerId,
        @JsonAlias("BillingCycle") String billingCycle,
        @JsonAlias("CurrencyCode") String currencyCode,
        @JsonAlias("CurrencySymbol") String currencySymbol,
        @JsonAlias("CreationDate") String creationDate,
        @JsonAlias("Status") String status,
        @JsonAlias("TotalPrice") BigDecimal totalPrice,
        @JsonAlias("TransactionType") String transactionType,
        @JsonAlias("Client") ClientDto client,
        @JsonAlias("LineItems") List<OrderLineItemDto> lineItems,
        @JsonAlias("Links") OrderLinksDto links,
        @JsonAlias("Attributes") AttributesDto attributes) {
}
