package dev.pcorders.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OfferIdTest {

    @Test
    void aCatalogOfferSplitsIntoProductSkuAndAvailability() {
        OfferId offer = OfferId.parse("DZH318Z0BQ4B:000Z:DZH318Z0DSPL");
        assertThat(offer).isInstanceOf(OfferId.Catalog.class);
        OfferId.Catalog catalog = (OfferId.Catalog) offer;
        assertThat(catalog.productId()).isEqualTo("DZH318Z0BQ4B");
        assertThat(catalog.skuId()).isEqualTo("000Z");
        assertThat(catalog.availabilityId()).isEqualTo("DZH318Z0DSPL");
        assertThat(offer.value()).isEqualTo("DZH318Z0BQ4B:000Z:DZH318Z0DSPL");
        assertThat(OfferId.of("DZH318Z0BQ4B", "000Z", "DZH318Z0DSPL")).isEqualTo(offer);
    }

    @Test
    void aLegacyOfferIsAGuidKeptAsSent() {
        OfferId offer = OfferId.parse("031C9E47-4802-4248-838E-778FB1D2CC05");
        assertThat(offer).isInstanceOf(OfferId.Legacy.class);
        assertThat(offer.value()).isEqualTo("031C9E47-4802-4248-838E-778FB1D2CC05");
    }

    @Test
    void matchKeysIgnoreCase() {
        assertThat(OfferId.parse("dzh318z0bq4b:000z:dzh318z0dspl").matchKey())
                .isEqualTo(OfferId.parse("DZH318Z0BQ4B:000Z:DZH318Z0DSPL").matchKey());
        assertThat(OfferId.parse("031c9e47-4802-4248-838e-778fb1d2cc05").matchKey())
                .isEqualTo(OfferId.parse("031C9E47-4802-4248-838E-778FB1D2CC05").matchKey());
    }

    @Test
    void anUnrecognisedShapeIsKeptVerbatimRatherThanRejected() {
        for (String text : new String[] {"DZH318Z0BQ4B:000Z", "A:B:C:D", "A::C", "MS-AZR-0145P", "P:S:A b"}) {
            OfferId offer = OfferId.parse(text);
            assertThat(offer).as(text).isInstanceOf(OfferId.Other.class);
            assertThat(offer.value()).isEqualTo(text);
        }
    }

    @Test
    void blankOrInvalidPartsAreRejectedWithTheInputQuoted() {
        assertThatThrownBy(() -> OfferId.parse("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offer id must not be blank");
        assertThatThrownBy(() -> OfferId.of("DZH318Z0BQ4B", "00 0Z", "DZH318Z0DSPL"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sku id").hasMessageContaining("00 0Z");
        assertThatThrownBy(() -> new OfferId.Legacy("not-a-guid")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not-a-guid");
    }
}
