package dev.pcorders.adapter.http.subscription.wire;

import dev.pcorders.adapter.http.wire.IndexedWireReader;
import dev.pcorders.adapter.http.wire.WireReader;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;

/** One of a subscription's {@code refundOptions}: {@code type} (e.g. {@code Full}) and {@code expiresAt}, as sent. */
@Serdeable
@Serdeable.Deserializable(using = RefundOptionDto.Reader.class)
public record RefundOptionDto(String type, String expiresAt) {

    static final Reader READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends IndexedWireReader<RefundOptionDto> {

        @Override
        protected int propertyCount() {
            return 2;
        }

        @Override
        protected int property(String name) {
            return switch (name) {
                case "type", "Type" -> 0;
                case "expiresAt", "ExpiresAt" -> 1;
                default -> UNKNOWN;
            };
        }

        @Override
        protected void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = string(value);
        }

        @Override
        protected RefundOptionDto create(Object[] values) {
            return new RefundOptionDto((String) values[0], (String) values[1]);
        }
    }
}
