package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.reconciliation.CurrencyTotals;
import dev.pcorders.domain.reconciliation.Discrepancy;
import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import dev.pcorders.domain.reconciliation.LedgerRowError;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.reconciliation.SubscriptionCheck;
import dev.pcorders.domain.reconciliation.SubscriptionDetail;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/**
 * The HTML report read back as a browser parses it (jsoup follows the HTML5 parsing rules): hostile names and ledger
 * text are text, never markup; money keeps every decimal; a clean ledger gets a page that says so.
 */
class HtmlReportTest {

    private static final CustomerId HOSTILE_CUSTOMER = CustomerId.parse("4a1a8bd8-6e0f-4c3b-9d7b-2f3e5d6c7b8a");
    private static final CustomerId PLAIN_CUSTOMER = CustomerId.parse("0f3c2b1a-9e8d-4c7b-a6f5-e4d3c2b1a098");
    private static final OfferId OFFER = OfferId.parse("CFQ7TTC0LH18:0001:CFQ7TTC0K5BF");
    /** The ledger names an offer id that is not one: the reader keeps any text, and so must the page. */
    private static final OfferId HOSTILE_OFFER = OfferId.parse("\"><img src=x onerror=alert(1)>");

    private static final String HOSTILE_NAME = "<script>alert('name')</script> Fabrikam & \"Sons\" 'Ltd' \u05E9\u05DC\u05D5\u05DD";
    private static final String HOSTILE_OFFER_NAME = "Microsoft 365 E3 \" onmouseover=\"alert(2) <b>bold</b>";
    private static final String HOSTILE_REFERENCE = "</td></tr></table><script>alert('order')</script>";
    private static final String RTL_SUBSCRIPTION = "\u202Eevil-\u0627\u0634\u062A\u0631\u0627\u0643 &amp; <i>";

    private static final Discrepancy MISSING = new Discrepancy(DiscrepancyKind.MISSING_IN_PARTNER_CENTER, HOSTILE_CUSTOMER,
            HOSTILE_REFERENCE, Optional.empty(), Optional.empty(), HOSTILE_OFFER, List.of(2L, 3L), 12, Optional.of("4"),
            Optional.empty(), "in the ledger & not <cached>");
    private static final Discrepancy PRICE = new Discrepancy(DiscrepancyKind.PRICE_MISMATCH, HOSTILE_CUSTOMER, "o-1",
            Optional.of(OrderId.of("o-1")), Optional.of("alt-'1'"), OFFER, List.of(7L), 1, Optional.of("12.3456"),
            Optional.of("12.30"), "the ledger's unit price differs");
    private static final Discrepancy SEATS = new Discrepancy(DiscrepancyKind.SEAT_COUNT_MISMATCH, PLAIN_CUSTOMER, "o-2",
            Optional.of(OrderId.of("o-2")), Optional.empty(), OFFER, List.of(9L), 1, Optional.of("9"), Optional.of("10"),
            "seats differ", Optional.of(new SubscriptionDetail(RTL_SUBSCRIPTION, Optional.of("active"), Optional.of(10L), 9)));

    private static final CurrencyTotals USD = new CurrencyTotals(CurrencyCode.of("USD"), new BigDecimal("1234.5"),
            new BigDecimal("1000.125"), Map.of(DiscrepancyKind.PRICE_MISMATCH, new BigDecimal("0.0456")),
            new BigDecimal("0"), new BigDecimal("0"));
    private static final CurrencyTotals JPY = new CurrencyTotals(CurrencyCode.of("JPY"), new BigDecimal("150000"),
            new BigDecimal("150000"), Map.of(), new BigDecimal("0"), new BigDecimal("0"));

    private static final HtmlReport.Run RUN = new HtmlReport.Run("/work/cache.db", Path.of("ledger <&>.csv"),
            "partner ledger", Optional.of(LocalDate.parse("2025-01-01")), Optional.empty(),
            Instant.parse("2025-02-03T04:05:06Z"),
            Map.of(HOSTILE_CUSTOMER, HOSTILE_NAME), Map.of(HtmlReport.Run.offerKey(OFFER.value()), HOSTILE_OFFER_NAME));

    private static ReconciliationReport report(Discrepancy... discrepancies) {
        return new ReconciliationReport(5, Map.of("Cancel", 2L), 1, List.of(new LedgerRowError(4, "quantity", "<b>not a number</b>")),
                List.of(USD, JPY), List.of(discrepancies), new ReconciliationReport.Coverage(20, 0, 0), List.of(),
                new SubscriptionCheck(List.of(PLAIN_CUSTOMER), List.of(), List.of()));
    }

    private static String html(ReconciliationReport report) {
        StringWriter text = new StringWriter();
        HtmlReport.write(report, RUN, new PrintWriter(text));
        return text.toString();
    }

    @Test
    void hostileNamesAndLedgerTextAreShownAsTextNeverAsMarkup() {
        Document page = Jsoup.parse(html(report(MISSING, PRICE, SEATS)));

        // One script, ours; no element or attribute the values tried to smuggle in.
        assertThat(page.select("script")).hasSize(1);
        assertThat(page.select("script").first().data()).doesNotContain("alert");
        assertThat(page.select("img, i, b, [onerror], [onmouseover]")).isEmpty();
        assertThat(page.select("table#discrepancies tbody tr:not(.group)")).hasSize(3);

        Element group = page.selectFirst("tbody[data-customer=" + HOSTILE_CUSTOMER + "]");
        assertThat(group.selectFirst(".customer-name").text()).isEqualTo(HOSTILE_NAME);
        Element missing = group.selectFirst("tr[data-kind=MISSING_IN_PARTNER_CENTER]");
        assertThat(missing.child(1).text()).isEqualTo(HOSTILE_REFERENCE);
        assertThat(missing.child(2).text()).isEqualTo(HOSTILE_OFFER.value());
        assertThat(missing.child(9).text()).isEqualTo("in the ledger & not <cached>");
        Element price = group.selectFirst("tr[data-kind=PRICE_MISMATCH]");
        assertThat(price.selectFirst(".offer-name").text()).isEqualTo(HOSTILE_OFFER_NAME);
        assertThat(price.child(1).text()).isEqualTo("o-1 alternate id alt-'1'");

        Element seats = page.selectFirst("tr[data-kind=SEAT_COUNT_MISMATCH]");
        assertThat(seats.child(3).text()).isEqualTo(RTL_SUBSCRIPTION);
        // Right-to-left text is isolated, so it cannot turn the rest of its cell around.
        assertThat(seats.child(3).selectFirst("bdi").text()).isEqualTo(RTL_SUBSCRIPTION);

        assertThat(page.select("#row-errors td").eachText()).containsExactly("4", "quantity", "<b>not a number</b>");
        assertThat(page.selectFirst("[data-run=ledger]").text()).endsWith("ledger <&>.csv");
        assertThat(page.title()).isEqualTo("Reconciliation of ledger <&>.csv");
        // The chart labels are SVG text nodes, escaped the same way.
        assertThat(page.select("#chart-customers text").eachText()).contains(HOSTILE_NAME.substring(0, 35) + "\u2026");
    }

    @Test
    void rightToLeftChargeTypesAndChartLabelsAreIsolatedFromTheNumbersBesideThem() {
        String rtlChargeType = "\u05D1\u05D9\u05D8\u05D5\u05DC <b>";
        ReconciliationReport report = new ReconciliationReport(5, new java.util.TreeMap<>(Map.of("Cancel", 2L,
                rtlChargeType, 3L)), 5, List.of(), List.of(USD, JPY), List.of(MISSING, PRICE, SEATS),
                new ReconciliationReport.Coverage(20, 0, 0), List.of(),
                new SubscriptionCheck(List.of(PLAIN_CUSTOMER), List.of(), List.of()));

        Document page = Jsoup.parse(html(report));

        Element chargeTypes = page.select("section[aria-label=Totals] p.muted").last();
        assertThat(chargeTypes.text()).isEqualTo("Not compared, by charge type: Cancel 2, " + rtlChargeType + " 3");
        assertThat(chargeTypes.select("bdi.charge-type").eachText()).containsExactly("Cancel", rtlChargeType);
        assertThat(chargeTypes.select("b")).isEmpty();
        // An SVG <title> is plain text: the label is isolated by FSI..PDI, the amount outside them.
        assertThat(page.select("svg title").eachText()).isNotEmpty()
                .allSatisfy(title -> assertThat(title).startsWith("\u2068").containsPattern("\u2069: \\S"))
                .anySatisfy(title -> assertThat(title).startsWith("\u2068" + HOSTILE_NAME + "\u2069: "));
    }

    @Test
    void escapingHoldsInAttributeValuesToo() {
        String hostile = "\" onclick=\"alert(1)\" x='y' <&>";
        Document element = Jsoup.parse("<p title=\"" + HtmlReport.escape(hostile) + "\" data-x='"
                + HtmlReport.escape(hostile) + "'>" + HtmlReport.escape(hostile) + "</p>");

        Element p = element.selectFirst("p");
        assertThat(p.attributes().size()).isEqualTo(2);
        assertThat(p.attr("title")).isEqualTo(hostile);
        assertThat(p.attr("data-x")).isEqualTo(hostile);
        assertThat(p.text()).isEqualTo(hostile);
        assertThat(HtmlReport.escape("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f");
        assertThat(HtmlReport.escape("\u05E9\u05DC\u05D5\u05DD plain")).isEqualTo("\u05E9\u05DC\u05D5\u05DD plain");
    }

    @Test
    void theSummaryCardsAndTotalsCarryEveryDecimal() {
        Document page = Jsoup.parse(html(report(MISSING, PRICE, SEATS)));

        assertThat(page.selectFirst("[data-field=ledgerRowsRead] .value").text()).isEqualTo("20");
        assertThat(page.selectFirst("[data-field=matched] .value").text()).isEqualTo("5");
        assertThat(page.selectFirst("[data-field=discrepancies] .value").text()).isEqualTo("3");
        assertThat(page.selectFirst("[data-field=notCompared] .value").text()).isEqualTo("2");
        assertThat(page.selectFirst("[data-field=rowsOutsideWindow] .value").text()).isEqualTo("1");
        assertThat(page.selectFirst("[data-field=rowsInError] .value").text()).isEqualTo("1");
        assertThat(page.selectFirst("li[data-kind=PRICE_MISMATCH] .count").text()).isEqualTo("1");
        assertThat(page.selectFirst("li[data-kind=QUANTITY_MISMATCH] .count").text()).isEqualTo("0");

        Element usd = page.selectFirst("[data-field=difference][data-currency=USD]");
        assertThat(usd.attr("data-amount")).isEqualTo("234.375");
        assertThat(usd.selectFirst(".value").text()).isEqualTo("234.375 USD");
        assertThat(page.selectFirst("[data-field=difference][data-currency=JPY] .value").text()).isEqualTo("0 JPY");
        assertThat(page.selectFirst("tr[data-figure=ledger] td[data-currency=USD]").text()).isEqualTo("1,234.50 USD");
        assertThat(page.selectFirst("tr[data-figure=partnerCenter] td[data-currency=USD]").text()).isEqualTo("1,000.125 USD");
        assertThat(page.selectFirst("tr[data-figure=PRICE_MISMATCH] td[data-currency=USD]").text()).isEqualTo("0.0456 USD");
        assertThat(page.selectFirst("tr[data-figure=ledger] td[data-currency=JPY]").text()).isEqualTo("150,000 JPY");
        // The kinds and the residue add up to the difference, as in JSON.
        assertThat(page.selectFirst("tr[data-figure=residue] td[data-currency=USD]").attr("data-amount")).isEqualTo("234.3294");
    }

    @Test
    void moneyIsGroupedInTheCurrencysDecimalsAndNeverRounded() {
        assertThat(HtmlReport.money(new BigDecimal("1234.5"), "USD")).isEqualTo("1,234.50 USD");
        assertThat(HtmlReport.money(new BigDecimal("0.125"), "USD")).isEqualTo("0.125 USD");
        assertThat(HtmlReport.money(new BigDecimal("-1234567.0000"), "EUR")).isEqualTo("-1,234,567.00 EUR");
        assertThat(HtmlReport.money(new BigDecimal("1000"), "JPY")).isEqualTo("1,000 JPY");
        assertThat(HtmlReport.money(new BigDecimal("1000.5"), "JPY")).isEqualTo("1,000.5 JPY");
        assertThat(HtmlReport.money(new BigDecimal("1.2345"), "KWD")).isEqualTo("1.2345 KWD");
        assertThat(HtmlReport.money(new BigDecimal("1E+3"), "USD")).isEqualTo("1,000.00 USD");
        assertThat(HtmlReport.money(new BigDecimal("12345678901234567890.123456789"), "USD"))
                .isEqualTo("12,345,678,901,234,567,890.123456789 USD");
    }

    @Test
    void theTableIsGroupedByCustomerWithEveryValueOfTheJsonReport() {
        Document page = Jsoup.parse(html(report(MISSING, PRICE, SEATS)));

        Elements groups = page.select("table#discrepancies tbody.customer");
        assertThat(groups.eachAttr("data-customer")).containsExactly(HOSTILE_CUSTOMER.toString(), PLAIN_CUSTOMER.toString());
        assertThat(groups.get(0).selectFirst("tr.group").text()).contains("2 discrepancies");
        Element missing = groups.get(0).selectFirst("tr[data-kind=MISSING_IN_PARTNER_CENTER]");
        assertThat(missing.child(5).text()).isEqualTo("4");
        assertThat(missing.child(7).text()).isEqualTo("2 3 (+10 more)");
        assertThat(missing.child(8).text()).isEqualTo("12");
        Element price = groups.get(0).selectFirst("tr[data-kind=PRICE_MISMATCH]");
        assertThat(price.child(5).text()).isEqualTo("12.3456");
        assertThat(price.child(6).text()).isEqualTo("12.30");
        Element seats = groups.get(1).selectFirst("tr[data-kind=SEAT_COUNT_MISMATCH]");
        assertThat(seats.child(1).text()).isEqualTo("o-2");
        assertThat(seats.child(4).text()).isEqualTo("active");
        assertThat(seats.child(5).text()).isEqualTo("9 seats");
        assertThat(seats.child(6).text()).isEqualTo("10 seats");
        assertThat(page.select("#kind-filter option").eachAttr("value"))
                .containsExactly("", "MISSING_IN_PARTNER_CENTER", "PRICE_MISMATCH", "SEAT_COUNT_MISMATCH");
        assertThat(page.select("#chart-kinds g.row")).hasSize(DiscrepancyKind.values().length);
        assertThat(page.select("#chart-customers g.row")).hasSize(2);
    }

    @Test
    void customersAreRankedByTheirAmountAtRiskInEachCurrency() {
        ReconciliationReport withAmounts = new ReconciliationReport(5, Map.of(), 0, List.of(), List.of(USD, JPY),
                List.of(MISSING, PRICE, SEATS), new ReconciliationReport.Coverage(20, 0, 0), List.of(),
                new SubscriptionCheck(List.of(PLAIN_CUSTOMER), List.of(), List.of()),
                Map.of(HOSTILE_CUSTOMER, Map.of(CurrencyCode.of("USD"), new BigDecimal("10.125"),
                                CurrencyCode.of("JPY"), new BigDecimal("1500")),
                        PLAIN_CUSTOMER, Map.of(CurrencyCode.of("USD"), new BigDecimal("99.5"))));

        Document page = Jsoup.parse(html(withAmounts));

        assertThat(page.select("#chart-customers")).isEmpty();
        assertThat(page.select("#chart-at-risk-USD text.value").eachText()).containsExactly("99.50 USD", "10.125 USD");
        assertThat(page.select("#chart-at-risk-USD h3").text()).isEqualTo("Top customers by amount at risk, USD");
        assertThat(page.select("#chart-at-risk-JPY text.value").eachText()).containsExactly("1,500 JPY");
        assertThat(page.select("#chart-at-risk-USD rect.bar").eachAttr("width")).containsExactly("300", "31");
        assertThat(page.selectFirst("tbody[data-customer=" + HOSTILE_CUSTOMER + "] .at-risk").text())
                .isEqualTo("1,500 JPY \u00B7 10.125 USD");
        assertThat(page.selectFirst("[data-field=difference][data-currency=USD] [data-figure=gross] [data-amount]")
                .attr("data-amount")).isEqualTo("109.625");
    }

    @Test
    void aCleanLedgerGetsAPageSayingSoNotAnEmptyTable() {
        Document page = Jsoup.parse(html(report()));

        assertThat(page.selectFirst("#clean").text()).startsWith("No discrepancies.");
        assertThat(page.select("table#discrepancies, script, .charts")).isEmpty();
        assertThat(page.selectFirst("[data-field=discrepancies] .value").text()).isEqualTo("0");
        assertThat(page.select("#totals")).hasSize(1);
    }

    @Test
    void thePageNeedsNothingFromTheNetworkAndSaysHowItWasMade() {
        Document page = Jsoup.parse(html(report(MISSING)));

        assertThat(page.select("link, img, iframe, object, embed, [src], [href]")).isEmpty();
        String policy = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertThat(policy).startsWith("default-src 'none';").doesNotContain("unsafe-inline").contains("script-src 'sha256-");
        assertThat(page.select("style")).hasSize(1);
        assertThat(page.selectFirst("style").data()).contains("@media print");
        assertThat(page.selectFirst("[data-run=ledger-format]").text()).isEqualTo("partner ledger");
        assertThat(page.selectFirst("[data-run=window]").text()).isEqualTo("orders created from 2025-01-01 (UTC, inclusive)");
        assertThat(page.selectFirst("[data-run=generated]").text()).isEqualTo("2025-02-03 04:05:06 UTC");
    }
}
