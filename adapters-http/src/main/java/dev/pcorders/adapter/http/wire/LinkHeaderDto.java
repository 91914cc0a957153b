package dev.pcorders.adapter.http.wire;

import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;

@Serdeable
@Serdeable.Deserializable(using = LinkHeaderDto.Reader.class)
public record LinkHeaderDto(String key, String value) {

    public static final WireReader<LinkHeaderDto> READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends IndexedWireReader<LinkHeaderDto> {

        @Override
        protected int propertyCount() {
            return 2;
        }

        @Override
        protected int property(String name) {
            return switch (name) {
                case "key", "Key" -> 0;
                case "value", "Value" -> 1;
                default -> UNKNOWN;
            };
        }

        @Override
        protected void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = string(value);
        }

        @Override
        protected LinkHeaderDto create(Object[] values) {
            return new LinkHeaderDto((String) values[0], (String) values[1]);
        }
    }
}
