package dev.pcorders.adapter.http.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.LineItemTransactionType;
import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.order.OrderTransactionType;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.shared.Page;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderJsonDecoderTest {

    private final OrderJsonDecoder decoder = new OrderJsonDecoder();

    static InputStream fixture(String name) {
        InputStream in = OrderJsonDecoderTest.class.getResourceAsStream("/partner-center/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("fixture missing: " + name));
        }
        return in;
    }

    static byte[] fixtureBytes(String name) {
        try (InputStream in = fixture(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String order(String extraFields, String lineItemFields) {
        return "{\"id\":\"o-1\",\"referenceCustomerId\":\"b0d70a69-4c42-4b27-b17b-91a835d8686a\","
                + "\"creationDate\":\"2020-01-02T03:04:05Z\"" + extraFields
                + ",\"lineItems\":[{\"lineItemNumber\":0,\"offerId\":\"DZH318Z0BQ4B:000Z:DZH318Z0DSPL\",\"quantity\":1"
                + lineItemFields + "}]}";
    }

    @Nested
    class PublishedFixtures {

        @Test
        void ordersByBillingCycle() {
            Page<Order> page = decoder.decodeCollection(fixture("orders-by-billing-cycle.json"), 1);

            assertThat(page.pageNumber()).isEqualTo(1);
            assertThat(page.totalCount()).hasValue(2);
            assertThat(page.items()).extracting(o -> o.id().value())
                    .containsExactly("9qg-ErcO-4MPbPqq_3MIQaS7bn8W6HfG1", "s-BZlr_TeGksPNT61SsWRL-sqMaKbyVa1");
            Order first = page.items().get(0);
            assertThat(first.referenceCustomerId()).isEqualTo(CustomerId.parse("b0d70a69-4c42-4b27-b17b-91a835d8686a"));
            assertThat(first.billingCycle()).map(c -> c.known()).hasValue(BillingCycle.ONE_TIME);
            assertThat(first.currencyCode()).hasValue(CurrencyCode.of("USD"));
            assertThat(first.status()).map(s -> s.known()).hasValue(OrderStatus.PENDING);
            assertThat(first.creationDate()).isEqualTo(Instant.parse("2018-03-15T02:17:15.6455674Z"));
            assertThat(first.attributes().objectType()).hasValue("Order");
            assertThat(first.links().provisioningStatus()).map(Link::uri).hasValue(
                    "/customers/b0d70a69-4c42-4b27-b17b-91a835d8686a/orders/9qg-ErcO-4MPbPqq_3MIQaS7bn8W6HfG1/provisioningstatus");
            OrderLineItem item = first.lineItems().get(0);
            assertThat(item.offerId()).isEqualTo(OfferId.of("DZH318Z0BQ4B", "000Z", "DZH318Z0DSPL"));
            assertThat(item.friendlyName()).hasValue("Reserved_VM_Instance_Standard_D1_AP_East_1_Year");
            assertThat(item.quantity()).isEqualTo(1);
            assertThat(item.links().sku()).map(Link::uri).hasValue("/products/DZH318Z0BQ4B/skus/000Z?country=US");
            assertThat(item.links().sku().get().headers()).isEmpty();
        }

        @Test
        void orderByIdWithSevenFractionDigits() {
            Order order = decoder.decodeOrder(fixture("order-by-id.json"));

            assertThat(order.id().value()).isEqualTo("YxH1q4KScfvfkJQjgRI8QY1DznnUWZTH1");
            assertThat(order.creationDate()).isEqualTo(Instant.parse("2018-03-13T22:49:54.3396949Z"));
            assertThat(order.creationDateOffset()).isEqualTo(ZoneOffset.UTC);
            assertThat(order.currencySymbol()).hasValue("$");
            assertThat(order.status()).map(s -> s.known()).hasValue(OrderStatus.COMPLETED);
            assertThat(order.lineItems()).singleElement()
                    .satisfies(item -> assertThat(item.offerId().value()).isEqualTo("DZH318Z0BQ4Z:002L:DZH318Z0CMNP"));
            assertThat(order.links().self()).map(Link::method).hasValue("GET");
        }

        @Test
        void indirectResellerOrderWithOffsetAndLegacyOffer() {
            Order order = decoder.decodeOrder(fixture("order-indirect-reseller-customer.json"));

            assertThat(order.creationDateOffset()).isEqualTo(ZoneOffset.ofHours(-7));
            assertThat(order.creationDate()).isEqualTo(Instant.parse("2017-04-10T23:02:25.983Z"));
            assertThat(order.billingCycle()).map(c -> c.known()).hasValue(BillingCycle.MONTHLY);
            assertThat(order.currencyCode()).isEmpty();
            assertThat(order.attributes().etag()).hasValue(
                    "eyJpZCI6IjNlZGRjYWM2LTYzYjItNGM0MC1iMGI2LWY0N2UxODMwMTQ5MiIsInZlcnNpb24iOjF9");
            OrderLineItem item = order.lineItems().get(0);
            assertThat(item.offerId()).isInstanceOf(OfferId.Legacy.class);
            assertThat(item.offerId().value()).isEqualTo("DB2E705F-B82A-4024-A3D5-D88E12F2DB35");
            assertThat(item.partnerIdOnRecord()).hasValue("4847383");
            assertThat(item.subscriptionId()).hasValue("42226ED6-070A-4E0F-B80C-4CDFB3E97AA7");
            assertThat(item.quantity()).isEqualTo(5);
        }

        @Test
        void cancelledSandboxOrderKeepsEmptyTermDuration() {
            Order order = decoder.decodeOrder(fixture("order-cancelled-sandbox.json"));

            assertThat(order.isCancelled()).isTrue();
            assertThat(order.alternateId()).hasValue("11fc4bdfd47a");
            assertThat(order.transactionType()).map(t -> t.known()).hasValue(OrderTransactionType.USER_PURCHASE);
            OrderLineItem item = order.lineItems().get(0);
            assertThat(item.termDuration()).hasValue("");
            assertThat(item.transactionType()).map(t -> t.known()).hasValue(LineItemTransactionType.NEW);
            assertThat(item.transactionType()).map(t -> t.raw()).hasValue("New");
            assertThat(item.links().availability()).isPresent();
        }

        @Test
        void softwareOrderWithClientAndQuantityZero() {
            Order order = decoder.decodeOrder(fixture("order-software-with-client.json"));

            assertThat(order.client()).hasValueSatisfying(client -> {
                assertThat(client.marketplaceCountry()).hasValue("US");
                assertThat(client.deviceFamily()).hasValue("UniversalStore-PartnerCenter");
                assertThat(client.name()).hasValue("Partner Center API");
            });
            assertThat(order.links().patchOperation()).map(Link::method).hasValue("PATCH");
            assertThat(order.lineItems()).extracting(OrderLineItem::quantity).containsExactly(0, 1);
            assertThat(order.lineItems()).extracting(item -> item.termDuration().orElseThrow()).containsExactly("P3Y", "P3Y");
        }

        @Test
        void pascalCaseBillingCycleValue() {
            Order order = decoder.decodeOrder(fixture("order-pascalcase-billing-cycle.json"));

            assertThat(order.billingCycle()).hasValueSatisfying(cycle -> {
                assertThat(cycle.known()).isEqualTo(BillingCycle.ANNUAL);
                assertThat(cycle.raw()).isEqualTo("Annual");
            });
            assertThat(order.creationDateOffset()).isEqualTo(ZoneOffset.ofHours(-8));
            assertThat(order.lineItems()).extracting(OrderLineItem::lineItemNumber).containsExactly(0, 1);
        }

        @Test
        void serverSidePascalCasePropertyNames() {
            Order order = decoder.decodeOrder(fixture("order-server-side-pascalcase.derived.json"));

            assertThat(order.id().value()).isEqualTo("Ia80ZLkXp6eWOqpp35pBQJLhqv9IiGVZ1");
            assertThat(order.alternateId()).hasValue("64144d300bde");
            assertThat(order.referenceCustomerId()).isEqualTo(CustomerId.parse("86bddccf-9a53-40c6-907c-08067a3f8da7"));
            assertThat(order.creationDate()).isEqualTo(Instant.parse("2020-09-02T17:58:01.7755853Z"));
            assertThat(order.status()).map(s -> s.known()).hasValue(OrderStatus.PENDING);
            assertThat(order.client()).flatMap(c -> c.name()).hasValue("Partner Center Web");
            assertThat(order.links().patchOperation()).map(Link::method).hasValue("PATCH");
            assertThat(order.attributes().objectType()).hasValue("Order");
            OrderLineItem item = order.lineItems().get(0);
            assertThat(item.offerId().value()).isEqualTo("DZH318Z0C964:0001:DZH318Z0BZDG");
            assertThat(item.termDuration()).hasValue("P1M");
            assertThat(item.pricing()).isEmpty();
            assertThat(item.provisioningContext()).isEmpty();
            assertThat(item.parentSubscriptionId()).isEmpty();
            assertThat(item.links().activationLinks()).map(Link::uri).hasValue(
                    "/customers/86bddccf-9a53-40c6-907c-08067a3f8da7/orders/Ia80ZLkXp6eWOqpp35pBQJLhqv9IiGVZ1/lineitems/0/activationlinks");
            assertThat(item.links().product().get().body()).isEmpty();
        }

        @Test
        void malformedPublishedSampleFailsWithLocationAndNoPartialResult() {
            assertThatThrownBy(() -> decoder.decodeCollection(fixture("orders-all-of-a-customer.malformed.json"), 1))
                    .isInstanceOfSatisfying(MalformedResponse.class, e -> {
                        assertThat(e.location()).hasValueSatisfying(where -> assertThat(where).startsWith("line 71,"));
                        assertThat(e.getMessage()).contains("not a valid OrderCollection document").contains("line 71");
                    });
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest
        @CsvSource({"0.123456", "100000.00", "1e3", "1E+3", "-5.30", "12345678901234567890.123456789"})
        void amountsAreExactBigDecimals(String number) {
            Order order = decoder.decodeOrder(json(order(",\"totalPrice\":" + number,
                    ",\"pricing\":{\"listPrice\":" + number + "},\"purchaseCommitment\":{\"amount\":" + number + ",\"currency\":\"EUR\"}")));

            BigDecimal expected = new BigDecimal(number);
            assertThat(order.totalPrice().orElseThrow().value()).isEqualTo(expected);
            assertThat(order.totalPrice().orElseThrow().value().scale()).isEqualTo(expected.scale());
            OrderLineItem item = order.lineItems().get(0);
            assertThat(item.pricing().orElseThrow().listPrice().orElseThrow().value()).isEqualTo(expected);
            assertThat(item.purchaseCommitment().orElseThrow().amount().orElseThrow().value()).isEqualTo(expected);
        }

        @Test
        void hundredThousandKeepsItsScaleAndOneEThreeIsAThousand() {
            Order order = decoder.decodeOrder(json(order(",\"totalPrice\":100000.00", "")));
            assertThat(order.totalPrice().orElseThrow().value().toPlainString()).isEqualTo("100000.00");

            Order exponent = decoder.decodeOrder(json(order(",\"totalPrice\":1e3", "")));
            assertThat(exponent.totalPrice().orElseThrow().toString()).isEqualTo("1000");
        }

        @Test
        void absurdExponentIsMalformedNotAHeapExhaustion() {
            assertThatThrownBy(() -> decoder.decodeOrder(json(order(",\"totalPrice\":1e999999999", ""))))
                    .isInstanceOfSatisfying(MalformedResponse.class,
                            e -> assertThat(e.location()).hasValue("$.totalPrice"));
        }

        @Test
        void aFractionalQuantityOrABooleanPriceIsMalformedNotRoundedOrMadeOne() {
            String fractionalQuantity = order("", "").replace("\"quantity\":1", "\"quantity\":1.9");
            assertThatThrownBy(() -> decoder.decodeOrder(json(fractionalQuantity)))
                    .isInstanceOfSatisfying(MalformedResponse.class, e -> {
                        assertThat(e.getMessage()).contains("whole number").contains("'1.9'");
                        assertThat(e.location()).hasValue("$.lineItems[0].quantity");
                    });
            assertThatThrownBy(() -> decoder.decodeOrder(json(order(",\"totalPrice\":true", ""))))
                    .isInstanceOfSatisfying(MalformedResponse.class, e -> {
                        assertThat(e.getMessage()).contains("decimal number").contains("'true'");
                        assertThat(e.location()).hasValue("$.totalPrice");
                    });
            String inACollection = "{\"totalCount\":2,\"items\":[" + order("", "") + ","
                    + order("", ",\"pricing\":{\"listPrice\":false}") + "]}";
            assertThatThrownBy(() -> decoder.decodeCollection(json(inACollection), 1))
                    .isInstanceOfSatisfying(MalformedResponse.class,
                            e -> assertThat(e.location()).hasValue("items[1].lineItems[0].pricing.listPrice"));
        }
    }

    @Nested
    class Dates {

        @ParameterizedTest
        @CsvSource({
                "2020-01-02T03:04:05Z, 2020-01-02T03:04:05Z, Z",
                "2020-01-02T03:04:05.1Z, 2020-01-02T03:04:05.1Z, Z",
                "2020-01-02T03:04:05.12Z, 2020-01-02T03:04:05.12Z, Z",
                "2020-01-02T03:04:05.123Z, 2020-01-02T03:04:05.123Z, Z",
                "2020-01-02T03:04:05.1234Z, 2020-01-02T03:04:05.1234Z, Z",
                "2020-01-02T03:04:05.12345Z, 2020-01-02T03:04:05.12345Z, Z",
                "2020-01-02T03:04:05.123456Z, 2020-01-02T03:04:05.123456Z, Z",
                "2020-01-02T03:04:05.1234567Z, 2020-01-02T03:04:05.1234567Z, Z",
                "2020-01-02T03:04:05.983-07:00, 2020-01-02T10:04:05.983Z, -07:00",
                "2020-01-02T03:04:05+05:30, 2020-01-01T21:34:05Z, +05:30",
                "2020-01-02T03:04:05.1234567, 2020-01-02T03:04:05.1234567Z, Z"})
        void creationDateWithZeroToSevenFractionDigitsAndAnyOffset(String sent, String instant, String offset) {
            Order order = decoder.decodeOrder(json(order("", "").replace("2020-01-02T03:04:05Z", sent)));

            assertThat(order.creationDate()).isEqualTo(Instant.parse(instant));
            assertThat(order.creationDateOffset()).isEqualTo(ZoneOffset.of(offset));
        }

        @Test
        void customTermEndDateAsDateOrDateTime() {
            assertThat(decoder.decodeOrder(json(order("", ",\"customTermEndDate\":\"2025-06-30\""))).lineItems().get(0)
                    .customTermEndDate()).hasValue(LocalDate.of(2025, 6, 30));
            assertThat(decoder.decodeOrder(json(order("", ",\"customTermEndDate\":\"2025-06-30T00:00:00Z\""))).lineItems()
                    .get(0).customTermEndDate()).hasValue(LocalDate.of(2025, 6, 30));
        }

        @Test
        void unreadableCreationDateNamesThePath() {
            assertThatThrownBy(() -> decoder.decodeOrder(json(order("", "").replace("2020-01-02T03:04:05Z", "yesterday"))))
                    .isInstanceOfSatisfying(MalformedResponse.class, e -> {
                        assertThat(e.location()).hasValue("$.creationDate");
                        assertThat(e.getMessage()).contains("'yesterday'");
                    });
        }
    }

    @Nested
    class Leniency {

        @Test
        void unknownEnumValuesAreKeptRaw() {
            Order order = decoder.decodeOrder(json(order(
                    ",\"billingCycle\":\"fortnightly\",\"status\":\"po_upload_complete\",\"transactionType\":\"AlienPurchase\"",
                    ",\"transactionType\":\"teleport\"")));

            assertThat(order.billingCycle()).hasValueSatisfying(c -> {
                assertThat(c.known()).isEqualTo(BillingCycle.UNKNOWN);
                assertThat(c.raw()).isEqualTo("fortnightly");
                assertThat(c.isUnrecognised()).isTrue();
            });
            assertThat(order.status()).map(s -> s.known()).hasValue(OrderStatus.PO_UPLOAD_COMPLETE);
            assertThat(order.transactionType()).map(t -> t.raw()).hasValue("AlienPurchase");
            assertThat(order.lineItems().get(0).transactionType()).hasValueSatisfying(t -> {
                assertThat(t.known()).isEqualTo(LineItemTransactionType.UNKNOWN);
                assertThat(t.raw()).isEqualTo("teleport");
            });
        }

        @Test
        void unknownPropertiesAreIgnored() {
            Order order = decoder.decodeOrder(json(order(",\"brandNewField\":{\"a\":[1,2,{}]},\"another\":null",
                    ",\"futureThing\":[true]")));
            assertThat(order.id().value()).isEqualTo("o-1");
        }

        @Test
        void absentOrNullArraysAndMapsBecomeEmpty() {
            Page<Order> nullItems = decoder.decodeCollection(json("{\"totalCount\":0,\"items\":null}"), 1);
            Page<Order> noItems = decoder.decodeCollection(json("{}"), 1);
            Order nullLines = decoder.decodeOrder(json("{\"id\":\"o\",\"referenceCustomerId\":"
                    + "\"b0d70a69-4c42-4b27-b17b-91a835d8686a\",\"creationDate\":\"2020-01-02T03:04:05Z\",\"lineItems\":null}"));
            Order nullMaps = decoder.decodeOrder(json(order("", ",\"provisioningContext\":null,\"links\":{\"sku\":"
                    + "{\"uri\":\"/x\",\"headers\":null}}")));
            Order nullValues = decoder.decodeOrder(json(order("", ",\"provisioningContext\":{\"a\":\"1\",\"b\":null}")));

            assertThat(nullItems.items()).isEmpty();
            assertThat(nullItems.totalCount()).hasValue(0);
            assertThat(noItems.items()).isEmpty();
            assertThat(noItems.totalCount()).isEmpty();
            assertThat(nullLines.lineItems()).isEmpty();
            assertThat(nullMaps.lineItems().get(0).provisioningContext()).isEmpty();
            assertThat(nullMaps.lineItems().get(0).links().sku().orElseThrow().headers()).isEmpty();
            assertThat(nullValues.lineItems().get(0).provisioningContext()).isEqualTo(Map.of("a", "1"));
        }

        @Test
        void everyOptionalLineItemFieldIsRead() {
            OrderLineItem item = decoder.decodeOrder(json(order("", ",\"promotionId\":\"39NFJQT1Q5KR:0002\","
                    + "\"attestationAccepted\":true,\"renewsTo\":{\"termDuration\":\"P1Y\"},\"parentSubscriptionId\":\"p\","
                    + "\"pricing\":{\"listPrice\":10.5,\"discountedPrice\":9.5,\"extendedPrice\":19,\"price\":9.5,\"proratedPrice\":0},"
                    + "\"purchaseCommitment\":{\"amount\":12.34,\"currency\":\"eur\",\"grain\":\"P1Y\"}"))).lineItems().get(0);

            assertThat(item.promotionId()).hasValue("39NFJQT1Q5KR:0002");
            assertThat(item.attestationAccepted()).hasValue(true);
            assertThat(item.renewsTo()).flatMap(r -> r.termDuration()).hasValue("P1Y");
            assertThat(item.parentSubscriptionId()).hasValue("p");
            assertThat(item.pricing().orElseThrow().effectiveUnitPrice()).map(a -> a.value()).hasValue(new BigDecimal("9.5"));
            assertThat(item.pricing().orElseThrow().extendedPrice()).map(a -> a.value()).hasValue(new BigDecimal("19"));
            assertThat(item.purchaseCommitment().orElseThrow().currency()).hasValue(CurrencyCode.of("EUR"));
        }

        @Test
        void nextLinkWithContinuationHeaderIsRead() {
            String body = "{\"items\":[],\"links\":{\"next\":{\"uri\":\"/customers/x/orders?page=2\",\"method\":\"GET\","
                    + "\"headers\":[{\"key\":\"MS-ContinuationToken\",\"value\":\"abc==\"}]}}}";
            var collection = decoder.decodeCollection(json(body), 1);
            assertThat(collection.items()).isEmpty();
        }
    }

    @Nested
    class ContractViolations {

        @Test
        void missingIdNamesThePath() {
            assertThatThrownBy(() -> decoder.decodeCollection(json("{\"items\":[" + order("", "").replace("\"id\":\"o-1\",", "")
                    + "]}"), 1))
                    .isInstanceOfSatisfying(MalformedResponse.class, e -> assertThat(e.location()).hasValue("items[0].id"));
        }

        @Test
        void badCustomerGuidNamesThePath() {
            assertThatThrownBy(() -> decoder.decodeOrder(json(order("", "").replace("b0d70a69-4c42-4b27-b17b-91a835d8686a", "nope"))))
                    .isInstanceOfSatisfying(MalformedResponse.class,
                            e -> assertThat(e.location()).hasValue("$.referenceCustomerId"));
        }

        @Test
        void duplicateLineNumberAndNegativeQuantityAreMalformed() {
            String twoZeros = order("", "").replace("\"quantity\":1}]", "\"quantity\":1},{\"lineItemNumber\":0,"
                    + "\"offerId\":\"x\",\"quantity\":1}]");
            assertThatThrownBy(() -> decoder.decodeOrder(json(twoZeros)))
                    .isInstanceOfSatisfying(MalformedResponse.class, e -> assertThat(e.location()).hasValue("$"));
            assertThatThrownBy(() -> decoder.decodeOrder(json(order("", "").replace("\"quantity\":1", "\"quantity\":-1"))))
                    .isInstanceOfSatisfying(MalformedResponse.class, e -> assertThat(e.location()).hasValue("$.lineItems[0]"));
        }

        @Test
        void aLinkOfTheWrongShapeIsMalformedAndSaysWhereInTheBody() {
            String badLink = order("", ",\"links\":{\"Sku\":{\"uri\":\"/s\",\"headers\":{\"key\":\"k\"}}}");
            String collection = "{\"items\":[" + order("", "") + ",\n" + badLink + "]}";

            assertThatThrownBy(() -> decoder.decodeCollection(json(collection), 1))
                    .isInstanceOfSatisfying(MalformedResponse.class, e -> assertThat(e.getMessage())
                            .contains("not a valid OrderCollection document").contains("expected START_ARRAY")
                            .contains("line: 2"));
        }

        @Test
        void offerIdsSeenBeforeAreTheSameValuesAndABlankOneStillNamesItsPath() {
            String catalog = "DZH318Z0BQ4B:000Z:DZH318Z0DSPL";
            String threeLines = order("", "").replace("\"quantity\":1}]", "\"quantity\":1},{\"lineItemNumber\":1,"
                    + "\"offerId\":\"" + catalog + "\",\"quantity\":1},{\"lineItemNumber\":2,\"offerId\":\"odd:shape\","
                    + "\"quantity\":1}]");

            List<OrderLineItem> lines = decoder.decodeOrder(json(threeLines)).lineItems();
            assertThat(lines).extracting(OrderLineItem::offerId).containsExactly(OfferId.parse(catalog),
                    OfferId.parse(catalog), OfferId.parse("odd:shape"));
            assertThat(lines.get(2).offerId()).isInstanceOf(OfferId.Other.class);
            String blank = threeLines.replace("\"offerId\":\"odd:shape\"", "\"offerId\":\" \"");
            assertThatThrownBy(() -> decoder.decodeOrder(json(blank)))
                    .isInstanceOfSatisfying(MalformedResponse.class,
                            e -> assertThat(e.location()).hasValue("$.lineItems[2].offerId"));
        }

        @Test
        void eachOrderKeepsItsOwnCustomerWhenTheCustomerChangesFromOrderToOrder() {
            String first = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
            String second = "1c4aac70-f489-41dd-b062-3ad0b6f0788b";
            String orders = order("", "") + "," + order("", "") + "," + order("", "").replace(first, second) + ","
                    + order("", "");

            assertThat(decoder.decodeCollection(json("{\"items\":[" + orders + "]}"), 1).items())
                    .extracting(Order::referenceCustomerId).containsExactly(CustomerId.parse(first),
                            CustomerId.parse(first), CustomerId.parse(second), CustomerId.parse(first));
            String thenABadOne = "{\"items\":[" + orders + "," + order("", "").replace(first, first + "x") + "]}";
            assertThatThrownBy(() -> decoder.decodeCollection(json(thenABadOne), 1))
                    .isInstanceOfSatisfying(MalformedResponse.class,
                            e -> assertThat(e.location()).hasValue("items[4].referenceCustomerId"));
        }

        @Test
        void wrongTypesAndBrokenJsonAreMalformed() {
            for (String body : List.of("", "null", "[]", "{\"items\":{}}", "{\"items\":[1]}", "{\"totalCount\":\"many\"}",
                    "{\"items\":[{\"lineItems\":\"x\"}]}", "{\"items\":[", "<html>oops</html>", "{\"totalCount\":-1}")) {
                assertThatThrownBy(() -> decoder.decodeCollection(json(body), 1)).as(body)
                        .isInstanceOf(MalformedResponse.class);
            }
        }

        @Test
        void messagesQuoteBadValuesSafely() {
            String hostile = "x".repeat(5000) + "\\n\\r";
            assertThatThrownBy(() -> decoder.decodeOrder(json(order("", "").replace("2020-01-02T03:04:05Z", hostile))))
                    .isInstanceOfSatisfying(MalformedResponse.class, e -> {
                        assertThat(e.getMessage()).hasSizeLessThan(600).doesNotContain("\n");
                        assertThat(e.error().httpStatus()).isEmpty();
                    });
        }
    }
}
