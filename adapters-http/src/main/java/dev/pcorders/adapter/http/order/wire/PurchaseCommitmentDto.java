package dev.pcorders.adapter.http.order.wire;

import dev.pcorders.adapter.http.wire.IndexedWireReader;
import dev.pcorders.adapter.http.wire.WireReader;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

@Serdeable
@Serdeable.Deserializable(using = PurchaseCommitmentDto.Reader.class)
public record PurchaseCommitmentDto(
        BigDecimal amount,
        String currency,
        String grain) {

    static final Reader READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends IndexedWireReader<PurchaseCommitmentDto> {

        @Override
        protected int propertyCount() {
            return 3;
        }

        @Override
        protected int property(String name) {
            return switch (name) {
                case "amount", "Amount" -> 0;
                case "currency", "Currency" -> 1;
                case "grain", "Grain" -> 2;
                default -> UNKNOWN;
            };
        }

        @Override
        protected void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = switch (index) {
                case 0 -> decimal(value);
                default -> string(value);
            };
        }

        @Override
        protected PurchaseCommitmentDto create(Object[] values) {
            return new PurchaseCommitmentDto((BigDecimal) values[0], (String) values[1], (String) values[2]);
        }
    }
}
