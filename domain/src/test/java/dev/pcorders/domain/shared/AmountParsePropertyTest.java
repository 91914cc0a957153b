package dev.pcorders.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Amount.parse's hand-read plain decimals come out as the BigDecimal constructor reads them: same digits, same scale. */
class AmountParsePropertyTest {

    @Provide
    Arbitrary<String> numberish() {
        return Arbitraries.of("0", "1", "9", "5", "0", ".", "+", "-", "e", "E", " ", "\u0663")
                .list().ofMaxSize(24)
                .map(tokens -> String.join("", tokens));
    }

    @Property(tries = 5000)
    void readsAsTheConstructorDoes(@ForAll("numberish") String text) {
        assertReadAsConstructorDoes(text);
    }

    @Example
    void edges() {
        for (String text : new String[] {"0", "-0", "+0", "-0.00", "5.", ".5", "-.5", "+.5", "007.10", "43.6663",
                "999999999999999999", "-999999999999999999", "9999999999999999999", "123456789.123456789",
                "12345678.123456789", "1E+3", "1e5", ".", "+", "-", "", " 1", "1 ", "1.2.3", "--1", "\u0663"}) {
            assertReadAsConstructorDoes(text);
        }
    }

    private static void assertReadAsConstructorDoes(String text) {
        BigDecimal expected;
        try {
            expected = new BigDecimal(text);
        } catch (NumberFormatException e) {
            assertThatThrownBy(() -> Amount.parse(text)).as("%s", text).isInstanceOf(NumberFormatException.class);
            return;
        }
        BigDecimal parsed = Amount.parse(text).value();
        assertThat(parsed.unscaledValue()).as("unscaled %s", text).isEqualTo(expected.unscaledValue());
        assertThat(parsed.scale()).as("scale %s", text).isEqualTo(expected.scale());
        assertThat(parsed.toPlainString()).as("printed %s", text).isEqualTo(expected.toPlainString());
    }
}
