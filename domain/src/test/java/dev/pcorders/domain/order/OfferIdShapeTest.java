package dev.pcorders.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link OfferId#parse} reads the shape with character loops; these hold it to the regular expressions
 * it was first written with, which state the rule plainly.
 */
class OfferIdShapeTest {

    private static final Pattern CATALOG = Pattern.compile("([A-Za-z0-9]+):([A-Za-z0-9]+):([A-Za-z0-9]+)");
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @ParameterizedTest
    @ValueSource(strings = {":A:B", "A:B:", "A::B", "::", ":", "A:B:C:", "A:B:C:D", "A:B", "Ä:B:C", "A:B:Ç", "A:B :C",
            "A:B:C\n", "١:2:3", "A-B:C:D", "A:B:C_", "A:B:C\u0000"})
    void nearMissesOfTheCatalogShapeAreKeptVerbatim(String text) {
        OfferId offer = OfferId.parse(text);
        assertThat(offer).as(text).isInstanceOf(OfferId.Other.class);
        assertThat(offer.value()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"a:b:c, a, b, c", "Z9:0:zz, Z9, 0, zz", "CFQ7TTC0LH18:0001:CFQ7TTC0K5BF, CFQ7TTC0LH18, 0001, CFQ7TTC0K5BF"})
    void singleCharacterAndMixedCasePartsAreCatalogParts(String text, String product, String sku, String availability) {
        assertThat(OfferId.parse(text)).isEqualTo(OfferId.of(product, sku, availability));
    }

    @ParameterizedTest
    @ValueSource(strings = {"031C9E47-4802-4248-838E-778FB1D2CC0", "031C9E47-4802-4248-838E-778FB1D2CC055",
            "031C9E47-4802-4248-838E+778FB1D2CC05", "031C9E47-4802-4248-838G-778FB1D2CC05", "031C9E474802-4248-838E-778FB1D2CC05-",
            "{031C9E47-4802-4248-838E-778FB1D2CC05}"})
    void almostGuidsAreNotLegacyOffers(String text) {
        assertThat(OfferId.parse(text)).isInstanceOf(OfferId.Other.class);
    }

    @Provide
    Arbitrary<String> offerLikeText() {
        Arbitrary<String> shaped = Arbitraries.strings().withChars("AZaz09:-é \u0661").ofMinLength(1).ofMaxLength(14);
        Arbitrary<String> guidLike = Arbitraries.strings().withChars("0123456789abcdefABCDEFG-").ofLength(36);
        Arbitrary<String> catalogLike = Arbitraries.strings().withChars("AZaz09:").ofMinLength(1).ofMaxLength(40);
        return Arbitraries.oneOf(shaped, guidLike, catalogLike).filter(text -> !text.isBlank());
    }

    @Property(tries = 3000)
    void parsingAgreesWithTheRegularExpressions(@ForAll("offerLikeText") String text) {
        OfferId offer = OfferId.parse(text);
        var catalog = CATALOG.matcher(text);
        if (catalog.matches()) {
            assertThat(offer).isEqualTo(OfferId.of(catalog.group(1), catalog.group(2), catalog.group(3)));
        } else if (GUID.matcher(text).matches()) {
            assertThat(offer).isEqualTo(new OfferId.Legacy(text));
        } else {
            assertThat(offer).isEqualTo(new OfferId.Other(text));
        }
        assertThat(offer.value()).isEqualTo(text);
    }
}
