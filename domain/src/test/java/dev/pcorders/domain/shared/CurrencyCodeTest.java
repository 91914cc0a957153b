package dev.pcorders.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyCodeTest {

    @Test
    void aCanonicalCodeIsOneSharedInstance() {
        assertThat(CurrencyCode.of("USD")).isSameAs(CurrencyCode.of(new String("USD")));
        assertThat(CurrencyCode.of("USD").value()).isEqualTo("USD");
    }

    @Test
    void otherSpellingsAreNormalisedToTheSameValue() {
        assertThat(CurrencyCode.of(" eur ")).isEqualTo(CurrencyCode.of("EUR"));
        assertThat(CurrencyCode.of("Gbp").value()).isEqualTo("GBP");
        assertThat(new CurrencyCode("jpy")).isEqualTo(CurrencyCode.of("JPY"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "US", "USDX", "U5D", "ÜSD", "US D", "\u0000SD"})
    void anythingButThreeLettersIsRejected(String text) {
        assertThatThrownBy(() -> CurrencyCode.of(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("three letters");
    }
}
