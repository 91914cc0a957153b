package dev.pcorders.adapter.http.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.shared.Page;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * The collection envelope knows no resource: a collection of some other item (here {@link LinkHeaderDto}s
 * standing in for a second resource) is read in parts, with its totalCount, links.next and errors, exactly as
 * the orders are.
 */
class CollectionPageReaderTest {

    private static final PartnerCenterError NO_RESPONSE = new PartnerCenterError(OptionalInt.empty(), Optional.empty(),
            Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    private static final CollectionContract<LinkHeaderDto, Link.Header> HEADERS = new CollectionContract<>(
            "HeaderCollection", LinkHeaderDto.READER, CollectionPageReaderTest::header);

    private static Link.Header header(LinkHeaderDto dto, JsonPath path) {
        if (dto.key() == null) {
            throw new WireFormatViolation("required value is missing", path.field("key"), null);
        }
        return new Link.Header(dto.key(), dto.value() == null ? "" : dto.value());
    }

    private static CollectionPageReader<LinkHeaderDto, Link.Header> open(String json) {
        InputStream body = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
        return CollectionPageReader.open(body, 3, HEADERS, NO_RESPONSE, "a header breaks the contract: ", "empty");
    }

    @Test
    void anotherResourcesCollectionIsReadWithItsEnvelopeWhereverThatStands() {
        try (CollectionPageReader<LinkHeaderDto, Link.Header> reader = open("{\"Items\":[{\"key\":\"a\",\"value\":\"1\"},"
                + "null,{\"Key\":\"b\"}],\"links\":{\"next\":{\"uri\":\"/next\",\"headers\":[{\"key\":\"t\",\"value\":\"v\"}]}},"
                + "\"totalCount\":2,\"attributes\":{\"objectType\":\"Collection\"}}")) {
            Page<Link.Header> page = reader.nextPart();

            assertThat(page).isEqualTo(new Page<>(3, List.of(new Link.Header("a", "1"), new Link.Header("b", "")),
                    OptionalInt.of(2)));
            assertThat(reader.complete()).isTrue();
            assertThat(reader.next()).hasValue(new Link("/next", "GET", List.of(new Link.Header("t", "v")), Optional.empty()));
        }
    }

    @Test
    void aLargeCollectionComesOutInBoundedParts() {
        StringJoiner items = new StringJoiner(",", "{\"items\":[", "]}");
        for (int i = 0; i <= CollectionPageReader.ITEMS_PER_PART; i++) {
            items.add("{\"key\":\"k" + i + "\"}");
        }
        try (CollectionPageReader<LinkHeaderDto, Link.Header> reader = open(items.toString())) {
            assertThat(reader.nextPart().items()).hasSize(CollectionPageReader.ITEMS_PER_PART);
            assertThat(reader.complete()).isFalse();
            assertThat(reader.nextPart().items()).containsExactly(new Link.Header("k" + CollectionPageReader.ITEMS_PER_PART, ""));
            assertThat(reader.complete()).isTrue();
            assertThat(reader.next()).isEmpty();
        }
    }

    @Test
    void errorsNameTheResourcesCollectionAndWhereTheItemBrokeTheContract() {
        assertThatThrownBy(() -> open("{\"items\":[{\"key\":\"a\"},{\"value\":\"b\"}]}").nextPart())
                .isInstanceOfSatisfying(MalformedResponse.class, e -> {
                    assertThat(e).hasMessageContaining("a header breaks the contract: required value is missing");
                    assertThat(e.location()).hasValue("items[1].key");
                });
        assertThatThrownBy(() -> open("{\"totalCount\":1.5,\"items\":[]}").nextPart())
                .isInstanceOfSatisfying(MalformedResponse.class, e -> {
                    assertThat(e).hasMessageContaining("the body is not a valid HeaderCollection document: ");
                    assertThat(e.location()).hasValue("totalCount");
                });
        assertThatThrownBy(() -> open("null")).isInstanceOf(MalformedResponse.class)
                .hasMessageContaining("not a HeaderCollection");
        assertThatThrownBy(() -> open("")).isInstanceOf(MalformedResponse.class).hasMessageContaining("empty");
    }
}
