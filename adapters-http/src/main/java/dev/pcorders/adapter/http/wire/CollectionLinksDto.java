package dev.pcorders.adapter.http.wire;

import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;

@Serdeable
@Serdeable.Deserializable(using = CollectionLinksDto.Reader.class)
public record CollectionLinksDto(
        LinkDto self,
        LinkDto next,
        LinkDto previous) {

    public static final WireReader<CollectionLinksDto> READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends IndexedWireReader<CollectionLinksDto> {

        @Override
        protected int propertyCount() {
            return 3;
        }

        @Override
        protected int property(String name) {
            return switch (name) {
                case "self", "Self" -> 0;
                case "next", "Next" -> 1;
                case "previous", "Previous" -> 2;
                default -> UNKNOWN;
            };
        }

        @Override
        protected void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = LinkDto.READER.readNullable(value);
        }

        @Override
        protected CollectionLinksDto create(Object[] values) {
            return new CollectionLinksDto((LinkDto) values[0], (LinkDto) values[1], (LinkDto) values[2]);
        }
    }
}
