package dev.pcorders.adapter.http.customer.wire;

import dev.pcorders.adapter.http.wire.IndexedWireReader;
import dev.pcorders.adapter.http.wire.WireReader;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * A customer's {@code companyProfile} as the list carries it. Its own links and attributes only describe the profile
 * resource, so they are skipped.
 */
@Serdeable
@Serdeable.Deserializable(using = CompanyProfileDto.Reader.class)
public record CompanyProfileDto(String tenantId, String domain, String companyName) {

    static final Reader READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends IndexedWireReader<CompanyProfileDto> {

        @Override
        protected int propertyCount() {
            return 3;
        }

        @Override
        protected int property(String name) {
            return switch (name) {
                case "tenantId", "TenantId" -> 0;
                case "domain", "Domain" -> 1;
                case "companyName", "CompanyName" -> 2;
                default -> UNKNOWN;
            };
        }

        @Override
        protected void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = string(value);
        }

        @Override
        protected CompanyProfileDto create(Object[] values) {
            return new CompanyProfileDto((String) values[0], (String) values[1], (String) values[2]);
        }
    }
}
