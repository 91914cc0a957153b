package dev.pcorders.adapter.http.order.wire;

import dev.pcorders.adapter.http.wire.IndexedWireReader;
import dev.pcorders.adapter.http.wire.WireReader;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/** Prices as BigDecimal straight from the JSON number's text: no double on the way. */
@Serdeable
@Serdeable.Deserializable(using = PricingDto.Reader.class)
public record PricingDto(
        BigDecimal listPrice,
        BigDecimal discountedPrice,
        BigDecimal extendedPrice,
        BigDecimal price,
        BigDecimal proratedPrice) {

    static final Reader READER = new Reader();

    /** Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. */
    @Singleton
    static final class Reader extends IndexedWireReader<PricingDto> {

        @Override
        protected int propertyCount() {
            return 5;
        }

        @Override
        protected int property(String name) {
            return switch (name) {
                case "listPrice", "ListPrice" -> 0;
                case "discountedPrice", "DiscountedPrice" -> 1;
                case "extendedPrice", "ExtendedPrice" -> 2;
                case "price", "Price" -> 3;
                case "proratedPrice", "ProratedPrice" -> 4;
                default -> UNKNOWN;
            };
        }

        @Override
        protected void readProperty(int index, Decoder value, Object[] values) throws IOException {
            values[index] = decimal(value);
        }

        @Override
        protected PricingDto create(Object[] values) {
            return new PricingDto(
                    (BigDecimal) values[0], (BigDecimal) values[1], (BigDecimal) values[2], (BigDecimal) values[3],
                    (BigDecimal) values[4]);
        }
    }
}
