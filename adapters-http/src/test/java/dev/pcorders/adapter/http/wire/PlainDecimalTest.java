package dev.pcorders.adapter.http.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written reader of plain prices must give exactly what {@code new BigDecimal(text)} gives, value and scale,
 * or step aside (null) and let it answer.
 */
class PlainDecimalTest {

    @Provide
    Arbitrary<String> decimalish() {
        return Arbitraries.strings().withChars("0123456789.-+eE ").ofMinLength(0).ofMaxLength(24);
    }

    @Property(tries = 5000)
    void agreesWithTheBigDecimalConstructorOrStepsAside(@ForAll("decimalish") String text) {
        assertSameAsConstructorOrNull(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "0.00", "-0.00", "1", "-1", "1.5", "1.50", "100000.00", "007.50",
            "999999999999999999", "-999999999999999999", "99999999999999999.9", "0.000000000000000001",
            "9999999999999999999", "1.", ".5", "-", "-.5", "1.2.3", "1e3", "1E+3", "+1.5", " 1", "", "--1", "1-"})
    void edgeCases(String text) {
        assertSameAsConstructorOrNull(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "1.50", "100000.00", "-12.345", "999999999999999999"})
    void readsThePricesTheServiceWrites(String text) {
        assertThat(WireReader.plainDecimal(text)).isNotNull();
    }

    private static void assertSameAsConstructorOrNull(String text) {
        BigDecimal plain = WireReader.plainDecimal(text);
        if (plain == null) {
            return;
        }
        BigDecimal expected = new BigDecimal(text);
        assertThat(plain).isEqualTo(expected);
        assertThat(plain.scale()).isEqualTo(expected.scale());
    }
}
