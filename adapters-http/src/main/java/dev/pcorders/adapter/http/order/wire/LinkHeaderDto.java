package dev.pcorders.adapter.http.order.wire;

import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;

@Serdeable
@Serdeable.Deserializable(using = LinkHeaderDto.Reader.class)
public record LinkHeaderDto(String key, String value) {

    static final Reader READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends WireReader<LinkHeaderDto> {

        @Override
        int propertyCount() {
            return 2;
        }

        @Override
        int property(String name) {
            return switch (name) {
                case "key", "Key" -> 0;
                case "value", "Value" -> 1;
                default -> UNKNOWN;
            };
        }

        @Override
        void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = string(value);
        }

        @Override
        LinkHeaderDto create(Object[] values) {
            return new LinkHeaderDto((String) values[0], (String) values[1]);
        }
    }
}
