package dev.pcorders.adapter.http.customer.wire;

import dev.pcorders.adapter.http.wire.AttributesDto;
import dev.pcorders.adapter.http.wire.IndexedWireReader;
import dev.pcorders.adapter.http.wire.WireReader;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * A Customer of {@code GET /customers}, with the fields the domain keeps. Its links point only at the customer
 * itself, which the id already names, so they are skipped unread.
 */
@Serdeable
@Serdeable.Deserializable(using = CustomerDto.Reader.class)
public record CustomerDto(String id, CompanyProfileDto companyProfile, String relationshipToPartner,
                          AttributesDto attributes) {

    public static final WireReader<CustomerDto> READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends IndexedWireReader<CustomerDto> {

        @Override
        protected int propertyCount() {
            return 4;
        }

        @Override
        protected int property(String name) {
            return switch (name) {
                case "id", "Id" -> 0;
                case "companyProfile", "CompanyProfile" -> 1;
                case "relationshipToPartner", "RelationshipToPartner" -> 2;
                case "attributes", "Attributes" -> 3;
                default -> UNKNOWN;
            };
        }

        @Override
        protected void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = switch (index) {
                case 1 -> CompanyProfileDto.READER.readNullable(value);
                case 3 -> AttributesDto.READER.readNullable(value);
                default -> string(value);
            };
        }

        @Override
        protected CustomerDto create(Object[] values) {
            return new CustomerDto((String) values[0], (CompanyProfileDto) values[1], (String) values[2],
                    (AttributesDto) values[3]);
        }
    }
}
