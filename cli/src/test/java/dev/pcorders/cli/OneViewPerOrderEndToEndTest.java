package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache shows one current view of each order whatever flags the syncs used: what a user saw go wrong when a
 * plain sync followed a priced one (prices gone, the GBP total jumping, every order ADDED again).
 */
@Timeout(120)
class OneViewPerOrderEndToEndTest {

    private static final Map<String, String> WITH_TOKEN = Map.of("PC_ORDERS_ACCESS_TOKEN", "one-view-test-token");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static SandboxServer sandbox;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(SandboxSettings.defaults().withPageSize(7));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private String db() {
        return folder.resolve("cache.db").toString();
    }

    private Cli.Run sync(String... flags) {
        List<String> args = new ArrayList<>(List.of("--db", db(), "sync", "--quiet", "--base-url", sandbox.baseUrl().toString()));
        sandbox.customerIds().forEach(id -> args.addAll(List.of("--customer", id)));
        args.addAll(List.of(flags));
        Cli.Run run = Cli.run(WITH_TOKEN, args.toArray(String[]::new));
        assertThat(run.exitCode()).as("%s", run).isZero();
        return run;
    }

    private JsonNode listJson() throws IOException {
        Cli.Run run = Cli.run(Map.of(), "--db", db(), "orders", "list", "--format", "json");
        assertThat(run.exitCode()).as("%s", run).isZero();
        return JSON.readTree(run.out());
    }

    private static List<String> totalLines(Cli.Run table) {
        return table.out().lines().filter(line -> line.startsWith("Total ")).toList();
    }

    @Test
    void aPlainSyncAfterAPricedOneKeepsThePricesTheTotalsAndAddsNothing() throws IOException {
        Cli.Run priced = sync("--include-price");
        assertThat(priced.out()).contains("Synced with: --include-price").doesNotContain("warning:");
        JsonNode before = listJson();
        Cli.Run tableBefore = Cli.run(Map.of(), "--db", db(), "orders", "list");
        assertThat(totalLines(tableBefore)).isNotEmpty();

        Cli.Run plain = sync();

        assertThat(plain.out()).contains("Synced with: no filter, no --include-price")
                .contains("warning: narrower than the last sync of " + sandbox.customerIds().size() + " customer(s)")
                .contains("no --include-price this time; the prices the cache holds were kept");
        JsonNode after = listJson();
        assertThat(after.size()).isEqualTo(before.size());
        Set<String> keys = new HashSet<>();
        for (JsonNode order : after) {
            assertThat(keys.add(order.get("referenceCustomerId").asText() + "/" + order.get("id").asText()))
                    .as("each order once").isTrue();
            if (order.has("totalPrice")) {
                assertThat(order.get("pricesAsOf").asText()).as("when the kept prices were fetched").isNotBlank();
            }
        }
        assertThat(after).isEqualTo(before);
        Cli.Run tableAfter = Cli.run(Map.of(), "--db", db(), "orders", "list");
        assertThat(totalLines(tableAfter)).isEqualTo(totalLines(tableBefore));
        assertThat(tableAfter.out()).contains("Prices as of ");

        Cli.Run changes = Cli.run(Map.of(), "--db", db(), "changes", "--format", "csv");
        long added = changes.out().lines().filter(line -> line.contains(",ADDED,")).count();
        assertThat(added).as("%s", changes.out()).isEqualTo(before.size());
    }

    @Test
    void aSyncWithoutSystemPurchasesKeepsTheOnesAnEarlierSyncStored() throws IOException {
        sync("--include-system-purchases");
        JsonNode withSystem = listJson();
        long systemPurchases = countSystemPurchases(withSystem);
        assertThat(systemPurchases).as("the sandbox serves system purchases when asked").isPositive();

        Cli.Run plain = sync();

        assertThat(plain.out()).contains("no --include-system-purchases this time");
        assertThat(plain.out().lines().filter(line -> line.contains("stored")))
                .allSatisfy(line -> assertThat(line.strip()).as("nothing removed").endsWith(" 0"));
        JsonNode after = listJson();
        assertThat(after.size()).isEqualTo(withSystem.size());
        assertThat(countSystemPurchases(after)).isEqualTo(systemPurchases);
    }

    @Test
    void reconcileSaysRowsMissingInPartnerCenterMayBeSystemPurchasesUntilTheyAreSynced() throws IOException {
        sync();
        String customer = sandbox.customerIds().get(0);
        Path ledger = folder.resolve("ledger.csv");
        java.nio.file.Files.writeString(ledger, "customer_id,order_id,offer_id,quantity\n"
                + customer + ",no-such-order,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1\n");

        Cli.Run table = Cli.run(Map.of(), "--db", db(), "reconcile", "--ledger", ledger.toString(), "--customer", customer);
        Cli.Run json = Cli.run(Map.of(), "--db", db(), "reconcile", "--ledger", ledger.toString(), "--customer", customer,
                "--format", "json");
        Cli.Run csv = Cli.run(Map.of(), "--db", db(), "reconcile", "--ledger", ledger.toString(), "--customer", customer,
                "--format", "csv");

        assertThat(table.exitCode()).as("%s", table).isEqualTo(1);
        assertThat(table.out()).contains("were never synced with --include-system-purchases")
                .contains("pc-orders sync --include-system-purchases");
        assertThat(JSON.readTree(json.out()).at("/summary/mayBeSystemPurchases/customers/0").asText()).isEqualTo(customer);
        assertThat(csv.err()).contains("never synced with --include-system-purchases");

        sync("--include-system-purchases");
        Cli.Run after = Cli.run(Map.of(), "--db", db(), "reconcile", "--ledger", ledger.toString(), "--customer", customer);
        assertThat(after.exitCode()).isEqualTo(1);
        assertThat(after.out()).contains("MISSING_IN_PARTNER_CENTER").doesNotContain("never synced with --include-system-purchases");
    }

    private static long countSystemPurchases(JsonNode orders) {
        long count = 0;
        for (JsonNode order : orders) {
            if (order.path("transactionType").asText().startsWith("System")) {
                count++;
            }
        }
        return count;
    }
}
