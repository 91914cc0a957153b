package dev.pcorders.adapter.http.wire;

import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;

@Serdeable
@Serdeable.Deserializable(using = AttributesDto.Reader.class)
public record AttributesDto(String etag, String objectType) {

    public static final WireReader<AttributesDto> READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends IndexedWireReader<AttributesDto> {

        @Override
        protected int propertyCount() {
            return 2;
        }

        @Override
        protected int property(String name) {
            return switch (name) {
                case "etag", "Etag" -> 0;
                case "objectType", "ObjectType" -> 1;
                default -> UNKNOWN;
            };
        }

        @Override
        protected void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = string(value);
        }

        @Override
        protected AttributesDto create(Object[] values) {
            return new AttributesDto((String) values[0], (String) values[1]);
        }
    }
}
