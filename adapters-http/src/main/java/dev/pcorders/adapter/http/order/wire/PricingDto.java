package dev.pcorders.adapter.http.order.wire;

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

    /**
     * Reads the camelCase names and their PascalCase spellings; see {@link WireReader}. The values are kept in locals,
     * not an array: nearly every line item is priced.
     */
    @Singleton
    static final class Reader extends WireReader<PricingDto> {

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
        protected PricingDto readProperties(Decoder object) throws IOException {
            BigDecimal listPrice = null;
            BigDecimal discountedPrice = null;
            BigDecimal extendedPrice = null;
            BigDecimal price = null;
            BigDecimal proratedPrice = null;
            int seen = 0;
            for (String name = object.decodeKey(); name != null; name = object.decodeKey()) {
                int index = firstIndex(object, name, seen);
                if (index == UNKNOWN) {
                    continue;
                }
                seen |= 1 << index;
                BigDecimal value;
                try {
                    value = decimal(object);
                } catch (IOException e) {
                    throw named(e, name);
                }
                switch (index) {
                    case 0 -> listPrice = value;
                    case 1 -> discountedPrice = value;
                    case 2 -> extendedPrice = value;
                    case 3 -> price = value;
                    default -> proratedPrice = value;
                }
            }
            return new PricingDto(listPrice, discountedPrice, extendedPrice, price, proratedPrice);
        }
    }
}
