package dev.pcorders.adapter.persistence.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written checks of quantities and prices accept exactly what their regular expressions describe, and a
 * quantity reads as the BigDecimal of its text would.
 */
class RowFieldsPropertyTest {

    @Provide
    Arbitrary<String> numberish() {
        return Arbitraries.of("0", "1", "9", "5", "0", ".", "+", "-", "e", " ", ",", "$", "\u0663")
                .list().ofMaxSize(22)
                .map(tokens -> String.join("", tokens));
    }

    @Property(tries = 3000)
    void quantityCheckMatchesItsPattern(@ForAll("numberish") String value) {
        assertThat(RowFields.isQuantity(value)).isEqualTo(RowFields.QUANTITY.matcher(value).matches());
    }

    @Property(tries = 3000)
    void quantityReadsAsItsBigDecimal(@ForAll("numberish") String value) {
        if (RowFields.isQuantity(value)) {
            assertThat(RowFields.wholeNumber(value)).as("quantity %s", value).isEqualTo(new BigDecimal(value).longValueExact());
        }
    }

    @Example
    void quantityEdges() {
        for (String value : new String[] {"0", "-0", "+0", "+5", "-5.00", "5.", "999999999999999999", "-999999999999999999.0"}) {
            assertThat(RowFields.wholeNumber(value)).as("quantity %s", value).isEqualTo(new BigDecimal(value).longValueExact());
        }
    }

    @Property(tries = 3000)
    void decimalCheckMatchesItsPattern(@ForAll("numberish") String value) {
        assertThat(RowFields.isDecimal(value)).isEqualTo(RowFields.DECIMAL.matcher(value).matches());
    }

    @Example
    void edgesOfBoth() {
        for (String value : new String[] {"", "+", "-", ".", "5.", ".5", "+.5", "-5.00", "5.01", "123456789012345678",
                "1234567890123456789", "123456789012345678.000", "1e5", "1,000", "\u0663"}) {
            assertThat(RowFields.isQuantity(value)).as("quantity %s", value).isEqualTo(RowFields.QUANTITY.matcher(value).matches());
            assertThat(RowFields.isDecimal(value)).as("decimal %s", value).isEqualTo(RowFields.DECIMAL.matcher(value).matches());
        }
    }
}
