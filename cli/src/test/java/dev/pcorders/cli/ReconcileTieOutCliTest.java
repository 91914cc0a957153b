package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reconciliation totals a finance user can tie out to the ledger file and to the cache, in JSON, CSV and the table. */
class ReconcileTieOutCliTest {

    private static final Map<String, String> WITH_TOKEN = Map.of("PC_ORDERS_ACCESS_TOKEN", "tie-out-test-token");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Set<String> PURCHASES = Set.of("new", "renew", "addquantity", "convert");

    private static SandboxServer sandbox;
    private static List<String> customers;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(SandboxSettings.defaults());
        customers = sandbox.customerIds();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private String db() {
        return folder.resolve("cache.db").toString();
    }

    private void syncAll() {
        Cli.Run sync = Cli.syncAll(sandbox, db(), "--include-price", "--include-system-purchases");
        assertThat(sync.exitCode()).as(sync.toString()).isZero();
    }

    private Cli.Run reconcile(String... extra) {
        List<String> args = new ArrayList<>(List.of("--db", db(), "reconcile"));
        args.addAll(List.of(extra));
        return Cli.run(Map.of(), args.toArray(String[]::new));
    }

    /** Per currency, quantity x unit price over the file's rows whose charge type is (or is not) a purchase. */
    private static Map<String, BigDecimal> sums(Path invoiceExport, boolean purchases) throws IOException {
        String text = Files.readString(invoiceExport, StandardCharsets.UTF_8).replace("\uFEFF", "");
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (NamedCsvRecord row : CsvReader.builder().ofNamedCsvRecord(text)) {
            if (PURCHASES.contains(row.getField("ChargeType").strip().toLowerCase(Locale.ROOT)) == purchases) {
                BigDecimal amount = new BigDecimal(row.getField("UnitPrice")).multiply(new BigDecimal(row.getField("Quantity")));
                sums.merge(row.getField("Currency"), amount, BigDecimal::add);
            }
        }
        return sums;
    }

    private static Map<String, BigDecimal> byCurrency(JsonNode array, String field) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        array.forEach(entry -> amounts.put(entry.get("currency").asText(), entry.get(field).decimalValue()));
        return amounts;
    }

    private static void assertSameAmounts(Map<String, BigDecimal> actual, Map<String, BigDecimal> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((currency, amount) -> assertThat(actual.get(currency)).as(currency).isEqualByComparingTo(amount));
    }

    @Test
    void theTotalsTieOutToTheLedgerFileAndTheCacheAndTheKindsExplainTheWholeDifference() throws IOException {
        syncAll();
        Path ledger = folder.resolve("invoice.csv");
        sandbox.data().writeReconciliationCsv(ledger, ReconciliationPlan.of(1, true));

        Cli.Run run = reconcile("--ledger", ledger.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode summary = JSON.readTree(run.out()).get("summary");
        JsonNode totals = summary.get("totals");
        // Every compared row counts, matched or not: the planted row missing in Partner Center included.
        Map<String, BigDecimal> ledgerSums = sums(ledger, true);
        Map<String, BigDecimal> ledgerTotals = new TreeMap<>(byCurrency(totals, "ledger"));
        // A currency only Partner Center has shows a ledger of 0; the file has no rows of it to sum.
        ledgerTotals.entrySet().removeIf(total -> total.getValue().signum() == 0 && !ledgerSums.containsKey(total.getKey()));
        assertSameAmounts(ledgerTotals, ledgerSums);
        assertSameAmounts(byCurrency(summary.get("notComparedTotals"), "notCompared"), sums(ledger, false));

        // Partner Center's side is every cached line of the ledger's customers, as orders list shows them.
        Map<String, BigDecimal> cached = new TreeMap<>();
        for (JsonNode order : JSON.readTree(Cli.run(Map.of(), "--db", db(), "orders", "list", "--format", "json").out())) {
            if (order.get("status").asText().equalsIgnoreCase("cancelled")) {
                continue; // nothing is owed for a cancelled order
            }
            for (JsonNode item : order.get("lineItems")) {
                JsonNode pricing = item.get("pricing");
                BigDecimal price = pricing.has("price") ? pricing.get("price").decimalValue() : pricing.has("discountedPrice")
                        ? pricing.get("discountedPrice").decimalValue() : pricing.get("listPrice").decimalValue();
                cached.merge(order.get("currencyCode").asText(), price.multiply(BigDecimal.valueOf(item.get("quantity").asLong())),
                        BigDecimal::add);
            }
        }
        Map<String, BigDecimal> partnerCenter = new TreeMap<>(byCurrency(totals, "partnerCenter"));
        partnerCenter.values().removeIf(amount -> amount.signum() == 0);
        assertSameAmounts(partnerCenter, cached);

        for (JsonNode currency : totals) {
            BigDecimal difference = currency.get("difference").decimalValue();
            assertThat(difference).isEqualByComparingTo(
                    currency.get("ledger").decimalValue().subtract(currency.get("partnerCenter").decimalValue()));
            BigDecimal explained = currency.get("residue").decimalValue();
            for (JsonNode part : currency.get("byKind")) {
                explained = explained.add(part.decimalValue());
            }
            assertThat(explained).as(currency.get("currency").asText()).isEqualByComparingTo(difference);
            // The sandbox prices the ledger exactly, so every cent of the difference has a kind.
            assertThat(currency.get("residue").decimalValue()).as(currency.get("currency").asText()).isZero();
            assertThat(currency.get("byKind").size()).isEqualTo(6);
        }
        assertThat(summary.get("ledgerRowsRead").asLong()).isEqualTo(Files.readAllLines(ledger).size() - 1L);

        Cli.Run csv = reconcile("--ledger", ledger.toString(), "--format", "csv");
        List<String> lines = csv.out().lines().toList();
        int blank = lines.indexOf("");
        assertThat(blank).as(csv.out()).isPositive();
        assertThat(lines.get(blank + 1)).startsWith("currency,ledger,partnerCenter,difference,MISSING_IN_LEDGER,")
                .endsWith(",residue,notCompared,outsideWindow");
        List<NamedCsvRecord> csvTotals = CsvReader.builder()
                .ofNamedCsvRecord(String.join("\n", lines.subList(blank + 1, lines.size()))).stream().toList();
        assertThat(csvTotals).hasSize(totals.size());
        for (int i = 0; i < totals.size(); i++) {
            JsonNode currency = totals.get(i);
            NamedCsvRecord row = csvTotals.get(i);
            assertThat(row.getField("currency")).isEqualTo(currency.get("currency").asText());
            for (String figure : List.of("ledger", "partnerCenter", "difference", "residue")) {
                assertThat(new BigDecimal(row.getField(figure))).as(figure).isEqualByComparingTo(currency.get(figure).decimalValue());
            }
            currency.get("byKind").fields().forEachRemaining(part ->
                    assertThat(new BigDecimal(row.getField(part.getKey()))).isEqualByComparingTo(part.getValue().decimalValue()));
        }
    }

    @Test
    void theTableShowsMoneyInTheCurrencysOwnDecimalsWithGrouping() throws IOException {
        String customer = customers.get(0);
        Path ledger = folder.resolve("partner-ledger.csv");
        Files.write(ledger, List.of("customer_id,order_id,offer_id,quantity,unit_price,currency",
                customer + ",ghost-yen,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1000,1234.5,JPY",
                customer + ",ghost-usd,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,3,4115.2267,USD"));
        assertThat(Cli.run(WITH_TOKEN, "--db", db(), "sync", "--quiet", "--base-url", sandbox.baseUrl().toString(),
                "--customer", customers.get(1)).exitCode()).isZero();

        Cli.Run table = reconcile("--ledger", ledger.toString());
        Cli.Run json = reconcile("--ledger", ledger.toString(), "--format", "json");

        assertThat(table.exitCode()).as(table.toString()).isEqualTo(1);
        assertThat(table.out()).containsPattern("JPY\\s+ledger: compared rows\\s+1,234,500\\n")
                .containsPattern("JPY\\s+MISSING_IN_PARTNER_CENTER\\s+1,234,500\\n")
                .containsPattern("USD\\s+ledger: compared rows\\s+12,345.68\\n");
        JsonNode totals = JSON.readTree(json.out()).get("summary").get("totals");
        assertThat(byCurrency(totals, "ledger").get("USD")).isEqualByComparingTo("12345.6801");
        assertThat(byCurrency(totals, "ledger").get("JPY")).isEqualByComparingTo("1234500");
        assertThat(json.out()).as("every decimal as summed").containsPattern("\"ledger\" ?: ?12345.6801\\b")
                .containsPattern("\"ledger\" ?: ?1234500.0\\b");
    }
}
