package dev.pcorders.adapter.http.order.wire;

import dev.pcorders.adapter.http.wire.LinkDto;
import dev.pcorders.adapter.http.wire.WireReader;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;

@Serdeable
@Serdeable.Deserializable(using = OrderLinksDto.Reader.class)
public record OrderLinksDto(
        LinkDto self,
        LinkDto provisioningStatus,
        LinkDto patchOperation) {

    static final Reader READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends WireReader<OrderLinksDto> {

        @Override
        protected int propertyCount() {
            return 3;
        }

        @Override
        protected int property(String name) {
            return switch (name) {
                case "self", "Self" -> 0;
                case "provisioningStatus", "ProvisioningStatus" -> 1;
                case "patchOperation", "PatchOperation" -> 2;
                default -> UNKNOWN;
            };
        }

        @Override
        protected void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = LinkDto.READER.readNullable(value);
        }

        @Override
        protected OrderLinksDto create(Object[] values) {
            return new OrderLinksDto((LinkDto) values[0], (LinkDto) values[1], (LinkDto) values[2]);
        }
    }
}
