package dev.pcorders.adapter.http.order.wire;

import dev.pcorders.adapter.http.wire.IndexedWireReader;
import dev.pcorders.adapter.http.wire.WireReader;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;

@Serdeable
@Serdeable.Deserializable(using = RenewsToDto.Reader.class)
public record RenewsToDto(String termDuration) {

    static final Reader READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends IndexedWireReader<RenewsToDto> {

        @Override
        protected int propertyCount() {
            return 1;
        }

        @Override
        protected int property(String name) {
            return switch (name) {
                case "termDuration", "TermDuration" -> 0;
                default -> UNKNOWN;
            };
        }

        @Override
        protected void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = string(value);
        }

        @Override
        protected RenewsToDto create(Object[] values) {
            return new RenewsToDto((String) values[0]);
        }
    }
}
