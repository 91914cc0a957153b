package dev.pcorders.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsEqualByValueWhateverTheirScale() {
        assertThat(Amount.parse("5.3")).isEqualTo(Amount.parse("5.30"));
        assertThat(Amount.parse("5.3")).hasSameHashCodeAs(Amount.parse("5.30"));
        assertThat(Amount.parse("1E+3")).isEqualTo(Amount.parse("1000.00"));
        assertThat(Amount.parse("5.3")).isNotEqualTo(Amount.parse("5.31"));
    }

    @Test
    void amountsKeepTheirScaleAndNeverPrintInExponentForm() {
        assertThat(Amount.parse("100000.00").toString()).isEqualTo("100000.00");
        assertThat(Amount.parse("0.123456").toString()).isEqualTo("0.123456");
        assertThat(Amount.parse("1E+3").toString()).isEqualTo("1000");
        assertThat(Amount.parse("0.123456").value()).isEqualByComparingTo(new BigDecimal("0.123456"));
    }

    @Test
    void moneyEqualsByValueWithinOneCurrency() {
        assertThat(Money.of("5.3", "USD")).isEqualTo(Money.of("5.30", "USD"));
        assertThat(Money.of("5.3", "USD")).hasSameHashCodeAs(Money.of("5.30", "USD"));
        assertThat(Money.of("5.3", "USD")).isNotEqualTo(Money.of("5.3", "EUR"));
        assertThat(Money.of("2.50", "EUR").times(3)).isEqualTo(Money.of("7.5", "EUR"));
        assertThat(Money.of("0.1", "USD").plus(Money.of("0.2", "USD"))).isEqualTo(Money.of("0.3", "USD"));
    }

    @Test
    void combiningCurrenciesIsRefused() {
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 USD").hasMessageContaining("1 EUR");
        assertThatThrownBy(() -> Money.of("1", "USD").compareTo(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void currencyCodesAreThreeLettersNormalisedToUpperCase() {
        assertThat(CurrencyCode.of("usd")).isEqualTo(CurrencyCode.of("USD"));
        assertThatThrownBy(() -> CurrencyCode.of("US")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("US");
        assertThatThrownBy(() -> CurrencyCode.of("U5D")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amountsRejectNonNumbers() {
        assertThatThrownBy(() -> Amount.parse("12,50")).isInstanceOf(NumberFormatException.class);
    }
}
