package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The one lookup of a currency's decimals, as the table, the HTML page and the workbook all show amounts. */
class CurrencyDecimalsTest {

    @Test
    void aCurrencyKeepsItsOwnDecimalsAndACodeWithoutAnyGetsNone() {
        assertThat(CurrencyDecimals.of("USD")).hasValue(2);
        assertThat(CurrencyDecimals.of("JPY")).hasValue(0);
        assertThat(CurrencyDecimals.of("XXX")).as("ISO 4217 defines no decimals for XXX (-1)").isEmpty();
        assertThat(CurrencyDecimals.of("QQQ")).isEmpty();
        assertThat(CurrencyDecimals.shown(new BigDecimal("0.125"), "USD")).isEqualTo(3);
        assertThat(CurrencyDecimals.shown(new BigDecimal("1500.00"), "JPY")).isZero();
        assertThat(CurrencyDecimals.shown(new BigDecimal("1.50"), "XXX")).isEqualTo(1);
    }

    @Test
    void theTableTheHtmlPageAndTheWorkbookAgreeOnACodeWithoutDecimals() {
        assertThat(TotalsOutput.money(new BigDecimal("1234.5"), "XXX")).isEqualTo("1,234.5");
        assertThat(HtmlReport.money(new BigDecimal("1234.5"), "XXX")).isEqualTo("1,234.5 XXX");
        assertThat(TotalsOutput.money(new BigDecimal("1234.5"), "JPY")).isEqualTo("1,235");
        assertThat(HtmlReport.money(new BigDecimal("1234.5"), "USD")).isEqualTo("1,234.50 USD");
    }
}
