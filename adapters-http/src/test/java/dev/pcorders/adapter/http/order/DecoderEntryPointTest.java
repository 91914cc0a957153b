package dev.pcorders.adapter.http.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The module's public decode-only entry point is the gateway's own decoder, errors included. */
class DecoderEntryPointTest {

    private final OrderDocumentDecoder decoder = PartnerCenterOrderGateways.decoder();

    private static ByteArrayInputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesThePublishedCollectionAndSingleOrder() {
        assertThat(decoder.decodeCollection(OrderJsonDecoderTest.fixture("orders-by-billing-cycle.json"), 3))
                .satisfies(page -> {
                    assertThat(page.pageNumber()).isEqualTo(3);
                    assertThat(page.items()).hasSize(2);
                });
        assertThat(decoder.decodeOrder(OrderJsonDecoderTest.fixture("order-by-id.json")).id().value())
                .isEqualTo("YxH1q4KScfvfkJQjgRI8QY1DznnUWZTH1");
    }

    @Test
    void aViolationDeepInACollectionNamesItsWholePath() {
        String item = "{\"id\":\"o-%d\",\"referenceCustomerId\":\"b0d70a69-4c42-4b27-b17b-91a835d8686a\","
                + "\"creationDate\":\"2020-01-02T03:04:05Z\",\"lineItems\":[{\"lineItemNumber\":0,\"offerId\":\"x\","
                + "\"quantity\":1},{\"lineItemNumber\":1,\"offerId\":\"x\",\"quantity\":1,\"pricing\":{\"listPrice\":%s},"
                + "\"purchaseCommitment\":{\"currency\":\"%s\"}}]}";
        String badPrice = "{\"items\":[" + String.format(item, 0, "1", "EUR") + "," + String.format(item, 1, "1e999", "EUR") + "]}";
        String badCurrency = "{\"items\":[" + String.format(item, 0, "1", "EUR") + "," + String.format(item, 1, "1", "EU") + "]}";

        assertThatThrownBy(() -> decoder.decodeCollection(json(badPrice), 1))
                .isInstanceOfSatisfying(MalformedResponse.class,
                        e -> assertThat(e.location()).hasValue("items[1].lineItems[1].pricing.listPrice"));
        assertThatThrownBy(() -> decoder.decodeCollection(json(badCurrency), 1))
                .isInstanceOfSatisfying(MalformedResponse.class,
                        e -> assertThat(e.location()).hasValue("items[1].lineItems[1].purchaseCommitment.currency"));
        assertThatThrownBy(() -> decoder.decodeOrder(json(String.format(item, 0, "1", "EUR")
                .replace("\"offerId\":\"x\",\"quantity\":1}", "\"offerId\":\" \",\"quantity\":1}"))))
                .isInstanceOfSatisfying(MalformedResponse.class,
                        e -> assertThat(e.location()).hasValue("$.lineItems[0].offerId"));
    }
}
