package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ResourceAttributes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fixture builders for orders, shared with the other modules through the domain test-jar. Every
 * fixture is a valid order; tests change what they are about with the builders' setters.
 */
public final class TestOrders {

    public static final CustomerId CUSTOMER = CustomerId.parse("4a1a8bd8-6e0f-4c3b-9d7b-2f3e5d6c7b8a");
    public static final CustomerId OTHER_CUSTOMER = CustomerId.parse("0f3c2b1a-9e8d-4c7b-a6f5-e4d3c2b1a098");
    public static final String RESELLER = "2d5f6e7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a";
    public static final Instant CREATED = Instant.parse("2025-03-14T09:26:53.589Z");
    public static final OfferId OFFER = OfferId.parse("CFQ7TTC0LH18:0001:CFQ7TTC0K5BF");
    public static final OfferId OTHER_OFFER = OfferId.parse("CFQ7TTC0LF8R:0001:CFQ7TTC0KDLJ");

    private TestOrders() {
    }

    /** A monthly, completed, priced USD order of {@link #CUSTOMER} with one line item of {@link #OFFER}. */
    public static Order.Builder anOrder() {
        return anOrder("ord-0001");
    }

    public static Order.Builder anOrder(String id) {
        return Order.builder(OrderId.of(id), CUSTOMER, CREATED)
                .alternateId("alt-" + id)
                .billingCycle(BillingCycle.MONTHLY)
                .currencyCode(CurrencyCode.of("USD"))
                .currencySymbol("$")
                .status(OrderStatus.COMPLETED)
                .transactionType(Coded.of(OrderTransactionType.USER_PURCHASE))
                .totalPrice(Amount.parse("12.50"))
                .lineItems(List.of(aLineItem(0).build()));
    }

    public static OrderLineItem.Builder aLineItem(int number) {
        return OrderLineItem.builder(number, OFFER, 5)
                .subscriptionId("sub-" + number)
                .termDuration("P1M")
                .transactionType(Coded.of(LineItemTransactionType.NEW))
                .friendlyName("Microsoft 365 Business Basic")
                .pricing(new Pricing(Optional.of(Amount.parse("3.00")), Optional.of(Amount.parse("2.50")),
                        Optional.of(Amount.parse("12.50")), Optional.of(Amount.parse("2.50")), Optional.empty()));
    }

    /**
     * An order with every field present, awkward values included: an unknown status and billing cycle
     * kept raw, amounts with trailing zeros and more decimals than the currency has, a non-UTC offset,
     * provisioning context in a non-alphabetical order, links with headers and a body.
     */
    public static Order aFullOrder(String id) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("zeta", "last key first");
        context.put("alpha", "x:y;z \"quoted\"");
        Link self = new Link("/customers/" + CUSTOMER + "/orders/" + id, "GET",
                List.of(new Link.Header("MS-ContinuationToken", "token==")), Optional.of("{\"a\":1}"));
        OrderLineItem first = aLineItem(0)
                .parentSubscriptionId("parent-1")
                .partnerIdOnRecord(RESELLER)
                .provisioningContext(context)
                .pricing(new Pricing(Optional.of(Amount.parse("100000.00")), Optional.of(Amount.parse("0.123456")),
                        Optional.of(Amount.parse("1E+3")), Optional.of(Amount.parse("5.30")), Optional.of(Amount.parse("0"))))
                .purchaseCommitment(new PurchaseCommitment(Optional.of(Amount.parse("250.10")),
                        Optional.of(CurrencyCode.of("EUR")), Optional.of("Monthly")))
                .renewsTo(new RenewsTo(Optional.of("P1Y")))
                .promotionId("promo-7")
                .attestationAccepted(Boolean.TRUE)
                .customTermEndDate(LocalDate.of(2026, 2, 28))
                .transactionType(Coded.parse(LineItemTransactionType.class, "SomethingNew"))
                .links(new LineItemLinks(Optional.of(Link.get("/products/P")), Optional.of(Link.get("/products/P/skus/S")),
                        Optional.of(Link.get("/products/P/skus/S/availabilities/A")), Optional.of(self),
                        Optional.of(Link.get("/provisioning")), Optional.of(Link.get("/activation"))))
                .build();
        OrderLineItem legacy = OrderLineItem.builder(1, OfferId.parse("031C9E47-4802-4248-838E-778FB1D2CC05"), 0)
                .friendlyName("Ünïcödé offer, with a comma")
                .attestationAccepted(Boolean.FALSE)
                .build();
        return Order.builder(OrderId.of(id), CUSTOMER, CREATED)
                .creationDateOffset(ZoneOffset.ofHours(-7))
                .alternateId("alt-" + id)
                .billingCycle(Coded.parse(BillingCycle.class, "quadrennial"))
                .currencyCode(CurrencyCode.of("EUR"))
                .currencySymbol("€")
                .status(Coded.parse(OrderStatus.class, "awaitingSignature"))
                .totalPrice(Amount.parse("1234.5600"))
                .transactionType(Coded.of(OrderTransactionType.SYSTEM_PURCHASE))
                .client(new ClientContext(Optional.of("Desktop"), Optional.of("DE"), Optional.of("Partner portal")))
                .lineItems(List.of(first, legacy))
                .links(new OrderLinks(Optional.of(self), Optional.of(Link.get("/provisioningstatus")),
                        Optional.of(new Link("/orders/" + id, "PATCH", List.of(), Optional.empty()))))
                .attributes(new ResourceAttributes(Optional.of("etag-1"), Optional.of("Order")))
                .build();
    }

    public static Page<Order> page(int number, Order... orders) {
        return new Page<>(number, List.of(orders), java.util.OptionalInt.empty());
    }

    public static Amount amount(String text) {
        return new Amount(new BigDecimal(text));
    }
}
