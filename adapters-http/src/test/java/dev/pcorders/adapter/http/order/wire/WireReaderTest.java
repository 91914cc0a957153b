package dev.pcorders.adapter.http.order.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.adapter.http.wire.AttributesDto;
import dev.pcorders.adapter.http.wire.CollectionLinksDto;
import dev.pcorders.adapter.http.wire.LinkDto;
import dev.pcorders.adapter.http.wire.LinkHeaderDto;
import dev.pcorders.adapter.http.wire.WireJson;
import dev.pcorders.adapter.http.wire.WireReader;
import dev.pcorders.domain.order.LineItemLinks;
import dev.pcorders.domain.order.OrderLinks;
import dev.pcorders.domain.shared.Link;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written readers keep what the generated deserializers did: the names and their PascalCase
 * aliases, the first of repeated properties, micronaut-serde's coercions, null and absent alike.
 */
class WireReaderTest {

    private static final ObjectMapper JSON = WireJson.mapper(OrderDto.class.getPackageName());

    private static <T> T read(String json, Class<T> type) throws IOException {
        return JSON.readValue(json.getBytes(StandardCharsets.UTF_8), Argument.of(type));
    }

    @ParameterizedTest
    @ValueSource(classes = {AttributesDto.class, ClientDto.class, CollectionLinksDto.class, LinkDto.class,
            LinkHeaderDto.class, OrderCollectionDto.class, OrderDto.class, OrderLineItemDto.class, PricingDto.class,
            PurchaseCommitmentDto.class, RenewsToDto.class})
    void everyWireRecordIsReadByItsOwnReader(Class<?> type) throws IOException {
        assertThat(JSON.getSerdeRegistry().findDeserializer(type)).isInstanceOf(WireReader.class)
                .satisfies(reader -> assertThat(reader.getClass().getEnclosingClass()).isEqualTo(type));
    }

    @Test
    void camelCaseAndPascalCaseNamesAreReadAndOtherSpellingsIgnored() throws IOException {
        assertThat(read("{\"id\":\"a\",\"LineItems\":[{\"Quantity\":2,\"offerId\":\"o\"}]}", OrderDto.class))
                .satisfies(order -> {
                    assertThat(order.id()).isEqualTo("a");
                    assertThat(order.lineItems()).singleElement().satisfies(item -> {
                        assertThat(item.quantity()).isEqualTo(2);
                        assertThat(item.offerId()).isEqualTo("o");
                    });
                });
        assertThat(read("{\"ID\":\"a\",\"iD\":\"b\",\"lineitems\":[{}]}", OrderDto.class))
                .satisfies(order -> {
                    assertThat(order.id()).isNull();
                    assertThat(order.lineItems()).isNull();
                });
    }

    @Test
    void theFirstOfRepeatedPropertiesWinsAndTheSecondIsSkippedUnread() throws IOException {
        assertThat(read("{\"id\":\"first\",\"Id\":\"second\",\"id\":{\"not\":\"read\"}}", OrderDto.class).id())
                .isEqualTo("first");
        assertThat(read("{\"quantity\":1,\"quantity\":[1,2,{}]}", OrderLineItemDto.class).quantity()).isEqualTo(1);
    }

    @Test
    void absentAndNullAreBothNullAndUnknownStructuresAreSkipped() throws IOException {
        OrderLineItemDto absent = read("{\"future\":{\"a\":[1,{\"b\":null}]},\"other\":[[]]}", OrderLineItemDto.class);
        OrderLineItemDto nulls = read("{\"pricing\":null,\"provisioningContext\":null,\"links\":null,\"quantity\":null,"
                + "\"attestationAccepted\":null,\"friendlyName\":null}", OrderLineItemDto.class);

        for (OrderLineItemDto item : List.of(absent, nulls)) {
            assertThat(item).isEqualTo(new OrderLineItemDto(null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null));
        }
        assertThat(read("{\"items\":[null,{\"id\":\"x\"}],\"totalCount\":3}", OrderCollectionDto.class))
                .satisfies(collection -> {
                    assertThat(collection.totalCount()).isEqualTo(3);
                    List<OrderDto> items = new ArrayList<>(collection.items());
                    assertThat(items).hasSize(2).first().isNull();
                    assertThat(items.get(1).id()).isEqualTo("x");
                });
    }

    @Test
    void valuesAreCoercedAsMicronautSerdeCoercesThem() throws IOException {
        OrderLineItemDto item = read("{\"friendlyName\":5,\"quantity\":\"7\",\"attestationAccepted\":\"true\","
                + "\"pricing\":{\"listPrice\":\"1.50\",\"price\":1e3,\"proratedPrice\":[2.10]}}", OrderLineItemDto.class);

        assertThat(item.friendlyName()).isEqualTo("5");
        assertThat(item.quantity()).isEqualTo(7);
        assertThat(item.attestationAccepted()).isTrue();
        assertThat(item.pricing().listPrice()).isEqualTo(new BigDecimal("1.50")).hasScaleOf(2);
        assertThat(item.pricing().price()).isEqualTo(new BigDecimal("1e3"));
        assertThat(item.pricing().proratedPrice()).isEqualTo(new BigDecimal("2.10")).hasScaleOf(2);
    }

    @Test
    void mapsKeepTheOrderSentAndTheLastValueOfARepeatedKey() throws IOException {
        Map<String, String> context = read("{\"provisioningContext\":{\"b\":1,\"a\":\"x\",\"n\":null,\"b\":\"2\"}}",
                OrderLineItemDto.class).provisioningContext();

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("b", "2");
        expected.put("a", "x");
        expected.put("n", null);
        assertThat(context).containsExactlyEntriesOf(expected);
    }

    @Test
    void linksKeepTheirHeadersAndBody() throws IOException {
        LinkDto link = read("{\"Uri\":\"/u\",\"headers\":[{\"Key\":\"k\",\"value\":\"v\"},null],\"body\":\"b\"}", LinkDto.class);

        assertThat(link.uri()).isEqualTo("/u");
        assertThat(link.method()).isNull();
        assertThat(link.headers()).hasSize(2).first().isEqualTo(new LinkHeaderDto("k", "v"));
        assertThat(link.body().getStringValue()).isEqualTo("b");
    }

    @Test
    void lineItemLinksAreReadAsTheDomainsLinksByTheRulesOfTheSharedMapper() throws IOException {
        LineItemLinks links = read("{\"Links\":{\"Product\":{\"Uri\":\"/p\",\"Method\":\"POST\",\"Headers\":[{\"Key\":\"k\","
                + "\"Value\":\"v\"},null,{\"value\":\"no key\"},{\"key\":\"no value\"}],\"Body\":\"b\"},"
                + "\"sku\":{\"uri\":\"/s\",\"future\":[1,{}]},\"sku\":{\"uri\":\"/second\"},\"availability\":{\"method\":\"GET\"},"
                + "\"subscription\":null,\"provisioningStatus\":{\"uri\":\"/q\",\"body\":{\"not\":\"text\"}},"
                + "\"ProvisioningSTATUS\":{\"uri\":\"/other spelling\"},\"unknown\":{\"uri\":\"/u\"}}}",
                OrderLineItemDto.class).links();

        assertThat(links.product()).hasValue(new Link("/p", "POST",
                List.of(new Link.Header("k", "v"), new Link.Header("no value", "")), Optional.of("b")));
        assertThat(links.sku()).hasValue(Link.get("/s"));
        assertThat(links.availability()).isEmpty();
        assertThat(links.subscription()).isEmpty();
        assertThat(links.provisioningStatus()).hasValue(Link.get("/q"));
        assertThat(links.activationLinks()).isEmpty();
        assertThat(read("{}", OrderLineItemDto.class).links()).isNull();
    }

    @Test
    void orderLinksAreReadAsTheDomainsLinks() throws IOException {
        OrderLinks links = read("{\"links\":{\"Self\":{\"uri\":\"/o\"},\"patchOperation\":{\"uri\":\"/o\","
                + "\"method\":\"PATCH\"},\"self\":{\"uri\":\"/repeated\"}}}", OrderDto.class).links();

        assertThat(links.self()).hasValue(Link.get("/o"));
        assertThat(links.provisioningStatus()).isEmpty();
        assertThat(links.patchOperation()).hasValue(new Link("/o", "PATCH", List.of(), Optional.empty()));
        assertThat(read("{\"links\":null}", OrderDto.class).links()).isNull();
    }

    @Test
    void aNumberOrBooleanThatWouldLoseOrInventAValueFails() throws IOException {
        for (String json : List.of("{\"quantity\":1.9}", "{\"quantity\":true}", "{\"quantity\":1e2}",
                "{\"quantity\":2147483648}", "{\"lineItemNumber\":2.5}", "{\"attestationAccepted\":\"yes\"}",
                "{\"attestationAccepted\":1}", "{\"pricing\":{\"price\":true}}", "{\"pricing\":{\"listPrice\":\"1,50\"}}")) {
            assertThatThrownBy(() -> read(json, OrderLineItemDto.class)).as(json).isInstanceOf(IOException.class)
                    .hasMessageContaining("expected");
        }
        OrderLineItemDto exact = read("{\"quantity\":-0,\"attestationAccepted\":\"FALSE\","
                + "\"pricing\":{\"price\":0.1000000000000000055511151231257827}}", OrderLineItemDto.class);
        assertThat(exact.quantity()).isZero();
        assertThat(exact.attestationAccepted()).isFalse();
        assertThat(exact.pricing().price()).isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
    }

    @Test
    void aValueOfTheWrongShapeFails() {
        for (String json : List.of("{\"pricing\":[]}", "{\"provisioningContext\":\"x\"}", "{\"friendlyName\":{}}",
                "{\"links\":{\"sku\":{\"headers\":{}}}}", "{\"quantity\":\"many\"}", "[]", "{\"quantity\":1")) {
            assertThatThrownBy(() -> read(json, OrderLineItemDto.class)).as(json).isInstanceOf(IOException.class);
        }
    }
}
