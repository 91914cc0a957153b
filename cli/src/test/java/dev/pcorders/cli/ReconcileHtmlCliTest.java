package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcorders.sandbox.ReconciliationPlan;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code reconcile --format html} on the sandbox's data says what {@code --format json} says, in a page. */
@Timeout(300)
class ReconcileHtmlCliTest {

    private static final Map<String, String> WITH_TOKEN = Map.of("PC_ORDERS_ACCESS_TOKEN", "html-report-test-token");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    static Path folder;

    private static SandboxServer sandbox;
    private static Path partnerLedger;
    private static Path cleanLedger;

    @BeforeAll
    // A class-level @Timeout covers the tests, not @BeforeAll: a sandbox or browser that hangs would hang the build.
    @Timeout(300)
    static void syncTheSandbox() throws IOException {
        sandbox = Sandbox.start(SandboxSettings.defaults());
        Cli.Run sync = Cli.run(WITH_TOKEN, "--db", db(), "sync", "--quiet", "--all-customers", "--resources",
                "orders,subscriptions", "--include-price", "--include-system-purchases",
                "--base-url", sandbox.baseUrl().toString());
        assertThat(sync.exitCode()).as("%s", sync).isZero();
        partnerLedger = folder.resolve("partner-ledger.csv");
        sandbox.data().writePartnerLedgerCsv(partnerLedger, ReconciliationPlan.of(1, true).withSubscriptionCases(true));
        cleanLedger = folder.resolve("clean.csv");
        sandbox.data().writeReconciliationCsv(cleanLedger, ReconciliationPlan.of(0, true));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    static String db() {
        return folder.resolve("cache.db").toString();
    }

    static Cli.Run reconcile(Path ledger, String... extra) {
        List<String> args = new ArrayList<>(List.of("--db", db(), "reconcile", "--ledger", ledger.toString()));
        args.addAll(List.of(extra));
        return Cli.run(Map.of(), args.toArray(String[]::new));
    }

    @Test
    void thePageSaysWhatTheJsonReportSays() throws IOException {
        Cli.Run json = reconcile(partnerLedger, "--format", "json");
        Path file = folder.resolve("report.html");
        Cli.Run html = reconcile(partnerLedger, "--format", "html", "--output", file.toString(), "--force");

        assertThat(json.exitCode()).as("%s", json).isEqualTo(ExitCodes.DISCREPANCIES);
        assertThat(html.exitCode()).as("%s", html).isEqualTo(ExitCodes.DISCREPANCIES);
        assertThat(html.out()).isEmpty();
        JsonNode report = JSON.readTree(json.out());
        Document page = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertSummaryMatches(report, page);

        JsonNode discrepancies = report.get("discrepancies");
        assertThat(page.select("table#discrepancies tbody tr:not(.group)")).hasSize(discrepancies.size());
        Set<String> customers = new TreeSet<>();
        for (JsonNode d : discrepancies) {
            customers.add(d.get("customerId").asText());
            Element group = page.selectFirst("tbody[data-customer=" + d.get("customerId").asText() + "]");
            assertThat(group).as("group of %s", d).isNotNull();
            List<String> cells = new ArrayList<>();
            d.get("ledgerLines").forEach(line -> cells.add(line.asText()));
            String kept = String.join(" ", cells);
            boolean found = group.select("tr[data-kind=" + d.get("kind").asText() + "]").stream().anyMatch(row ->
                    row.child(2).text().endsWith(d.get("offerId").asText())
                            && row.child(7).text().startsWith(kept)
                            && row.child(8).text().equals(d.get("ledgerRows").asText())
                            && row.child(9).text().equals(d.get("message").asText())
                            && (d.has("subscriptionId")
                            ? row.child(3).text().equals(d.get("subscriptionId").asText())
                            && row.child(5).text().equals(d.get("ledgerQuantity").asText() + " seats")
                            && row.child(6).text().equals(d.has("cachedQuantity") ? d.get("cachedQuantity").asText() + " seats" : "")
                            : row.child(1).text().startsWith(d.get("orderId").asText())
                            && row.child(5).text().equals(d.has("expected") ? d.get("expected").asText() : "")
                            && row.child(6).text().equals(d.has("actual") ? d.get("actual").asText() : "")));
            assertThat(found).as("a row for %s", d).isTrue();
        }
        assertThat(page.select("table#discrepancies tbody.customer").eachAttr("data-customer"))
                .containsExactlyInAnyOrderElementsOf(customers);
        // The sandbox's customers have company names: the page shows them beside the ids.
        assertThat(page.select("tbody.customer .customer-name")).hasSize(customers.size());
        assertThat(page.selectFirst("[data-run=ledger-format]").text()).isEqualTo("partner ledger (with subscription_id)");
        assertThat(page.selectFirst("[data-run=cache]").text()).isEqualTo(Path.of(db()).toAbsolutePath().toString());
    }

    /** The cards and the totals hold the JSON summary's numbers, to the last decimal. */
    static void assertSummaryMatches(JsonNode report, Document page) {
        JsonNode summary = report.get("summary");
        assertThat(card(page, "ledgerRowsRead")).isEqualTo(summary.get("ledgerRowsRead").asText());
        assertThat(card(page, "matched")).isEqualTo(summary.get("matched").asText());
        assertThat(card(page, "discrepancies")).isEqualTo(summary.get("discrepancies").asText());
        assertThat(card(page, "notCompared")).isEqualTo(summary.get("notCompared").asText());
        assertThat(card(page, "rowsOutsideWindow")).isEqualTo(summary.get("rowsOutsideWindow").asText());
        assertThat(card(page, "rowsInError")).isEqualTo(summary.get("rowsInError").asText());
        List<String> kinds = new ArrayList<>();
        summary.get("discrepanciesByKind").fields().forEachRemaining(kind -> {
            kinds.add(kind.getKey());
            assertThat(page.selectFirst("li[data-kind=" + kind.getKey() + "] .count").text()).as(kind.getKey())
                    .isEqualTo(kind.getValue().asText());
        });
        assertThat(page.select("[data-field=discrepanciesByKind] li").eachAttr("data-kind")).containsExactlyElementsOf(kinds);
        assertThat(page.select("[data-field=difference]")).hasSize(summary.get("totals").size());
        for (JsonNode totals : summary.get("totals")) {
            String currency = totals.get("currency").asText();
            assertThat(new BigDecimal(page.selectFirst("[data-field=difference][data-currency=" + currency + "]")
                    .attr("data-amount"))).isEqualByComparingTo(totals.get("difference").decimalValue());
            for (String figure : List.of("ledger", "partnerCenter", "difference", "residue")) {
                assertThat(new BigDecimal(page.selectFirst("tr[data-figure=" + figure + "] td[data-currency=" + currency + "]")
                        .attr("data-amount"))).as(currency + " " + figure).isEqualByComparingTo(totals.get(figure).decimalValue());
            }
            // What the kinds explain, net, can be no more than the customers' amounts at risk, which add it up gross.
            BigDecimal explained = totals.get("difference").decimalValue().subtract(totals.get("residue").decimalValue());
            assertThat(new BigDecimal(page.selectFirst("[data-field=difference][data-currency=" + currency
                    + "] [data-figure=gross] [data-amount]").attr("data-amount"))).isGreaterThanOrEqualTo(explained.abs());
            totals.get("byKind").fields().forEachRemaining(kind -> assertThat(new BigDecimal(
                    page.selectFirst("tr[data-figure=" + kind.getKey() + "] td[data-currency=" + currency + "]")
                            .attr("data-amount"))).as(currency + " " + kind.getKey()).isEqualByComparingTo(kind.getValue().decimalValue()));
        }
    }

    private static String card(Document page, String field) {
        return page.selectFirst("[data-field=" + field + "] .value").text();
    }

    @Test
    void aCleanLedgerGetsThePageThatSaysSo() throws IOException {
        Cli.Run json = reconcile(cleanLedger, "--format", "json");
        Cli.Run html = reconcile(cleanLedger, "--format", "html");

        assertThat(html.exitCode()).as("%s", html).isEqualTo(ExitCodes.OK);
        Document page = Jsoup.parse(html.out());
        assertThat(page.selectFirst("#clean").text()).startsWith("No discrepancies.");
        assertThat(page.select("table#discrepancies")).isEmpty();
        assertSummaryMatches(JSON.readTree(json.out()), page);
        assertThat(page.selectFirst("[data-run=ledger-format]").text()).isEqualTo("Partner Center invoice reconciliation export");
    }

    @Test
    void htmlIsOnlyForReconcile() {
        Cli.Run changes = Cli.run(Map.of(), "--db", db(), "changes", "--format", "html");
        assertThat(changes.exitCode()).as("%s", changes).isEqualTo(ExitCodes.USAGE);
        assertThat(changes.err()).contains("changes does not print html");
    }
}
