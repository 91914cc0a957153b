package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reconcile makes of its input: unknown customers, empty ledgers, rows dated outside the window, rows in error. */
class ReconcileInputCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVOICE_HEADER = "CustomerId,OrderId,ProductId,SkuId,AvailabilityId,ChargeType,Quantity,UnitPrice,"
            + "Currency,OrderDate";

    private static SandboxServer sandbox;
    private static String customer;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(1).withOrdersPerCustomer(5));
        customer = sandbox.customerIds().get(0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private String db() {
        return folder.resolve("cache.db").toString();
    }

    private void sync() {
        Cli.Run sync = Cli.run(Map.of("PC_ORDERS_ACCESS_TOKEN", "input-test-token"), "--db", db(), "sync", "--quiet",
                "--base-url", sandbox.baseUrl().toString(), "--customer", customer, "--include-price");
        assertThat(sync.exitCode()).as(sync.toString()).isZero();
    }

    private Cli.Run reconcile(String... extra) {
        List<String> args = new ArrayList<>(List.of("--db", db(), "reconcile"));
        args.addAll(List.of(extra));
        return Cli.run(Map.of(), args.toArray(String[]::new));
    }

    private Path ledger(String... lines) throws IOException {
        return Files.write(folder.resolve("ledger-" + lines.length + ".csv"), List.of(lines));
    }

    @Test
    void aCustomerInNeitherTheCacheNorTheLedgerIsAnInputErrorNamingIt() throws IOException {
        sync();
        String mistyped = "00000000-0000-4000-8000-000000000001";
        Path ledger = ledger(INVOICE_HEADER, customer + ",o-1,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,New,1,2.50,USD,3/14/2025");

        Cli.Run run = reconcile("--ledger", ledger.toString(), "--customer", customer, "--customer", mistyped);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines().toList()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("pc-orders: customer " + mistyped).doesNotContain(customer));
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aLedgerWithAHeaderAndNoRowsSaysSoOnStderr() throws IOException {
        sync();
        Path ledger = ledger(INVOICE_HEADER);

        Cli.Run run = reconcile("--ledger", ledger.toString(), "--customer", customer, "--format", "json");

        assertThat(run.err()).contains("warning").contains(ledger.toString()).contains("no data rows");
        assertThat(JSON.readTree(run.out()).get("summary").get("ledgerRowsRead").asLong()).isZero();
    }

    @Test
    void rowsOfOrdersNotCachedAreJudgedByTheirOwnOrderDateInAWindow() throws IOException {
        sync();
        Path ledger = ledger(INVOICE_HEADER,
                customer + ",gone-before,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,New,2,2.50,USD,12/31/2024",
                customer + ",gone-after,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,New,1,2.50,USD,2/1/2025",
                customer + ",ghost-inside,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,New,1,2.50,USD,1/31/2025");

        Cli.Run run = reconcile("--ledger", ledger.toString(), "--from", "2025-01-01", "--to", "2025-01-31", "--format", "json");

        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("summary").get("rowsOutsideWindow").asLong()).as(run.toString()).isEqualTo(2);
        assertThat(report.get("discrepancies").findValuesAsText("orderId")).contains("ghost-inside")
                .doesNotContain("gone-before", "gone-after");
        assertThat(report.get("summary").get("notComparedTotals").get(0).get("outsideWindow").decimalValue())
                .isEqualByComparingTo("7.50");
    }

    @Test
    void aLenientRowInErrorIsNotAlsoReportedMissingInTheLedger() throws IOException {
        sync();
        JsonNode order = null;
        for (JsonNode cached : JSON.readTree(Cli.run(Map.of(), "--db", db(), "orders", "list", "--format", "json").out())) {
            // A cancelled order's unbilled line is never missing in the ledger: only a live one shows the double report.
            if (order == null && !cached.get("status").asText().equalsIgnoreCase("cancelled")) {
                order = cached;
            }
        }
        assertThat(order).isNotNull();
        // A readable row too, so the customer takes part and its unbilled lines are looked for.
        Path ledger = ledger("customer_id,order_id,offer_id,quantity",
                customer + "," + order.get("id").asText() + "," + order.get("lineItems").get(0).get("offerId").asText() + ",many",
                customer + ",ghost,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1");

        Cli.Run run = reconcile("--ledger", ledger.toString(), "--lenient", "--format", "json");

        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("summary").get("rowErrors").findValuesAsText("column")).as(run.toString()).containsExactly("quantity");
        assertThat(report.get("summary").get("matched").asLong()).isZero();
        assertThat(report.get("discrepancies").findValuesAsText("kind")).as("the customer's orders took part")
                .contains("MISSING_IN_PARTNER_CENTER");
        for (JsonNode discrepancy : report.get("discrepancies")) {
            boolean sameLine = discrepancy.get("orderId").asText().equals(order.get("id").asText())
                    && discrepancy.get("offerId").asText().equals(order.get("lineItems").get(0).get("offerId").asText());
            assertThat(sameLine).as("the erroneous row's line reported again: " + discrepancy).isFalse();
        }
    }
}
