package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Rough edges users met on the command line: dates, ids, help texts, encodings and the demo's database. */
class CliRoughEdgesTest {

    private static final Map<String, String> WITH_TOKEN = Map.of("PC_ORDERS_ACCESS_TOKEN", "rough-edges-token");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SandboxServer sandbox;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSandbox() {
        // Not the default seed: the demo serves the default customers, and this cache must hold others.
        sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(2).withOrdersPerCustomer(60).withSeed(4242));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private String db() {
        return folder.resolve("cache.db").toString();
    }

    private void syncBoth() {
        Cli.Run sync = Cli.run(WITH_TOKEN, "--db", db(), "sync", "--quiet", "--base-url", sandbox.baseUrl().toString(),
                "--customer", sandbox.customerIds().get(0), "--customer", sandbox.customerIds().get(1));
        assertThat(sync.exitCode()).as(sync.toString()).isZero();
    }

    private JsonNode orders() throws IOException {
        return JSON.readTree(Cli.run(Map.of(), "--db", db(), "orders", "list", "--format", "json").out());
    }

    @Test
    void theCreatedColumnIsTheUtcDayThatFromAndToSelect() throws IOException {
        syncBoth();
        JsonNode shifted = null;
        for (JsonNode order : orders()) {
            OffsetDateTime sent = OffsetDateTime.parse(order.get("creationDate").asText());
            if (!sent.toLocalDate().equals(sent.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate())) {
                shifted = order;
                break;
            }
        }
        assertThat(shifted).as("an order whose offset puts it on another day than UTC").isNotNull();
        String id = shifted.get("id").asText();
        LocalDate utcDay = OffsetDateTime.parse(shifted.get("creationDate").asText()).withOffsetSameInstant(ZoneOffset.UTC)
                .toLocalDate();

        Cli.Run table = Cli.run(Map.of(), "--db", db(), "orders", "list");
        assertThat(table.out().lines().findFirst().orElseThrow()).contains("CREATED (UTC)");
        assertThat(table.out().lines().filter(line -> line.contains(" " + id + " ")).findFirst().orElseThrow())
                .contains(" " + utcDay + " ");
        Cli.Run thatDay = Cli.run(Map.of(), "--db", db(), "orders", "list", "--from", utcDay.toString(), "--to", utcDay.toString());
        assertThat(thatDay.out()).contains(" " + id + " ");
    }

    @Test
    void ordersShowFindsAnOrderByItsAlternateId() throws IOException {
        syncBoth();
        JsonNode order = orders().get(0);
        String alternateId = order.get("alternateId").asText();

        Cli.Run show = Cli.run(Map.of(), "--db", db(), "orders", "show", alternateId);

        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).startsWith("Order        " + order.get("id").asText() + "  (alternate id " + alternateId + ")");
    }

    @Test
    void sandboxHelpOffersNoDatabaseAndDemoHelpStatesItsOwnDefault() {
        Cli.Run sandboxHelp = Cli.run(Map.of(), "sandbox", "--help");
        Cli.Run demoHelp = Cli.run(Map.of(), "demo", "--help");

        assertThat(sandboxHelp.exitCode()).isZero();
        assertThat(sandboxHelp.out()).doesNotContain("--db");
        assertThat(demoHelp.out()).contains("--db").contains("default: ./pc-orders-demo.db").doesNotContain("./pc-orders.db");
        assertThat(Cli.run(Map.of(), "sandbox", "--db", db()).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aCustomersFileWithAByteOrderMarkIsRead() throws IOException {
        Path file = folder.resolve("customers.txt");
        Files.write(file, ("\uFEFF" + sandbox.customerIds().get(0) + "\r\n").getBytes(StandardCharsets.UTF_8));

        Cli.Run sync = Cli.run(WITH_TOKEN, "--db", db(), "sync", "--quiet", "--base-url", sandbox.baseUrl().toString(),
                "--customers-file", file.toString());

        assertThat(sync.exitCode()).as(sync.toString()).isZero();
        assertThat(sync.out()).containsPattern(sandbox.customerIds().get(0) + "\\s+stored");
    }

    @Test
    void utf16TextWithOrWithoutAByteOrderMarkGetsTheSaveAsUtf8Hint() throws IOException {
        syncBoth();
        String ledger = "CustomerId,OrderId\r\n" + sandbox.customerIds().get(0) + ",x\r\n";
        for (String encoding : List.of("UTF-16LE", "UTF-16BE")) {
            for (boolean mark : List.of(true, false)) {
                Path file = folder.resolve("ledger-" + encoding + mark + ".csv");
                Files.write(file, ((mark ? "\uFEFF" : "") + ledger).getBytes(java.nio.charset.Charset.forName(encoding)));
                Cli.Run reconcile = Cli.run(Map.of(), "--db", db(), "reconcile", "--ledger", file.toString());
                assertThat(reconcile.exitCode()).as(encoding + " " + mark + ": " + reconcile).isEqualTo(ExitCodes.USAGE);
                assertThat(reconcile.err()).as(encoding + " " + mark).contains("save the file as UTF-8");

                Files.write(file, ((mark ? "\uFEFF" : "") + sandbox.customerIds().get(0) + "\n")
                        .getBytes(java.nio.charset.Charset.forName(encoding)));
                Cli.Run sync = Cli.run(WITH_TOKEN, "--db", db(), "sync", "--customers-file", file.toString());
                assertThat(sync.exitCode()).as(encoding + " " + mark + ": " + sync).isEqualTo(ExitCodes.USAGE);
                assertThat(sync.err()).as(encoding + " " + mark).contains("save it as UTF-8");
            }
        }
    }

    @Test
    @Timeout(120)
    void theDemoRefusesADatabaseHoldingOtherOrdersAndLeavesItUnchanged() throws IOException {
        syncBoth();
        byte[] before = Files.readAllBytes(Path.of(db()));

        Cli.Run demo = Cli.run(Map.of(), "--db", db(), "demo");

        assertThat(demo.exitCode()).as(demo.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(demo.err()).contains("not the demo's").contains(sandbox.customerIds().get(0).substring(0, 8));
        assertThat(Files.readAllBytes(Path.of(db()))).isEqualTo(before);
    }

    @Test
    @Timeout(120)
    void theDemoRefusesADatabaseHoldingOnlyAnotherPartnersCustomerListAndLeavesItUnchanged() throws IOException {
        Cli.Run listed = Cli.run(WITH_TOKEN, "--db", db(), "sync", "--quiet", "--base-url", sandbox.baseUrl().toString(),
                "--all-customers", "--resources", "subscriptions");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        byte[] before = Files.readAllBytes(Path.of(db()));

        Cli.Run demo = Cli.run(Map.of(), "--db", db(), "demo");

        assertThat(demo.exitCode()).as(demo.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(demo.err()).contains("not the demo's").contains("subscriptions");
        assertThat(Files.readAllBytes(Path.of(db()))).isEqualTo(before);
    }

    @Test
    @Timeout(180)
    void theDemoRunsAgainOnItsOwnDatabase() {
        String demoDb = folder.resolve("demo.db").toString();
        Cli.Run first = Cli.run(Map.of(), "--db", demoDb, "demo");
        Cli.Run second = Cli.run(Map.of(), "demo", "--db", demoDb);

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
    }
}
