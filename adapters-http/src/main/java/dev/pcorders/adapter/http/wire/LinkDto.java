package dev.pcorders.adapter.http.wire;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;

/** A link; {@code body} is whatever JSON the service put there (usually null), kept as a tree. */
@Serdeable
@Serdeable.Deserializable(using = LinkDto.Reader.class)
public record LinkDto(
        String uri,
        String method,
        List<LinkHeaderDto> headers,
        JsonNode body) {

    public static final WireReader<LinkDto> READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends IndexedWireReader<LinkDto> {

        @Override
        protected int propertyCount() {
            return 4;
        }

        @Override
        protected int property(String name) {
            return switch (name) {
                case "uri", "Uri" -> 0;
                case "method", "Method" -> 1;
                case "headers", "Headers" -> 2;
                case "body", "Body" -> 3;
                default -> UNKNOWN;
            };
        }

        @Override
        protected void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = switch (index) {
                case 0, 1 -> string(value);
                case 2 -> LinkHeaderDto.READER.readList(value);
                default -> node(value);
            };
        }

        @SuppressWarnings("unchecked")
        @Override
        protected LinkDto create(Object[] values) {
            return new LinkDto(
                    (String) values[0], (String) values[1], (List<LinkHeaderDto>) values[2], (JsonNode) values[3]);
        }
    }
}
