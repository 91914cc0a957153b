package dev.pcorders.adapter.http.order.wire;

import dev.pcorders.adapter.http.wire.LinkDto;
import dev.pcorders.adapter.http.wire.WireReader;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;

@Serdeable
@Serdeable.Deserializable(using = LineItemLinksDto.Reader.class)
public record LineItemLinksDto(
        LinkDto product,
        LinkDto sku,
        LinkDto availability,
        LinkDto subscription,
        LinkDto provisioningStatus,
        LinkDto activationLinks) {

    static final Reader READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends WireReader<LineItemLinksDto> {

        @Override
        protected int propertyCount() {
            return 6;
        }

        @Override
        protected int property(String name) {
            return switch (name) {
                case "product", "Product" -> 0;
                case "sku", "Sku" -> 1;
                case "availability", "Availability" -> 2;
                case "subscription", "Subscription" -> 3;
                case "provisioningStatus", "ProvisioningStatus" -> 4;
                case "activationLinks", "ActivationLinks" -> 5;
                default -> UNKNOWN;
            };
        }

        @Override
        protected void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = LinkDto.READER.readNullable(value);
        }

        @Override
        protected LineItemLinksDto create(Object[] values) {
            return new LineItemLinksDto(
                    (LinkDto) values[0], (LinkDto) values[1], (LinkDto) values[2], (LinkDto) values[3],
                    (LinkDto) values[4], (LinkDto) values[5]);
        }
    }
}
