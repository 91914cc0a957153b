package dev.pcorders.adapter.http.order.wire;

import dev.pcorders.adapter.http.wire.IndexedWireReader;
import dev.pcorders.adapter.http.wire.WireReader;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;

@Serdeable
@Serdeable.Deserializable(using = ClientDto.Reader.class)
public record ClientDto(
        String deviceFamily,
        String marketplaceCountry,
        String name) {

    static final Reader READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends IndexedWireReader<ClientDto> {

        @Override
        protected int propertyCount() {
            return 3;
        }

        @Override
        protected int property(String name) {
            return switch (name) {
                case "deviceFamily", "DeviceFamily" -> 0;
                case "marketplaceCountry", "MarketplaceCountry" -> 1;
                case "name", "Name" -> 2;
                default -> UNKNOWN;
            };
        }

        @Override
        protected void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = string(value);
        }

        @Override
        protected ClientDto create(Object[] values) {
            return new ClientDto((String) values[0], (String) values[1], (String) values[2]);
        }
    }
}
