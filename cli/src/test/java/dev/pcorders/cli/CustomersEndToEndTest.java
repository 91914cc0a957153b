package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcorders.sandbox.FaultKind;
import dev.pcorders.sandbox.FaultPlan;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partner's customer list through the command line: {@code sync --all-customers} lists it page by page with
 * continuation tokens, stores it, and syncs every listed customer; {@code customers list} and {@code changes --resource
 * customers} read it back; a list failing part-way or a customer refused are reported with exit code 3.
 */
@Timeout(120)
class CustomersEndToEndTest {

    private static final Map<String, String> WITH_TOKEN = Map.of("PC_ORDERS_ACCESS_TOKEN", "customers-test-token");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private String db() {
        return folder.resolve("cache.db").toString();
    }

    private Cli.Run syncAll(SandboxServer sandbox, String... flags) {
        List<String> args = new ArrayList<>(List.of("--db", db(), "sync", "--quiet", "--all-customers",
                "--base-url", sandbox.baseUrl().toString()));
        args.addAll(List.of(flags));
        return Cli.run(WITH_TOKEN, args.toArray(String[]::new));
    }

    private Set<String> listedCustomerIds() throws IOException {
        Cli.Run listed = Cli.run(Map.of(), "--db", db(), "customers", "list", "--format", "json");
        assertThat(listed.exitCode()).as("%s", listed).isZero();
        Set<String> ids = new TreeSet<>();
        JSON.readTree(listed.out()).forEach(customer -> ids.add(customer.get("id").asText()));
        return ids;
    }

    private Set<String> idsOfCustomersWithOrders() throws IOException {
        Cli.Run orders = Cli.run(Map.of(), "--db", db(), "orders", "list", "--format", "json");
        assertThat(orders.exitCode()).as("%s", orders).isZero();
        Set<String> ids = new TreeSet<>();
        JSON.readTree(orders.out()).forEach(order -> ids.add(order.get("referenceCustomerId").asText()));
        return ids;
    }

    @Test
    void everyCustomerOfThePartnerIsListedPageByPageStoredAndSyncedWithTheChosenResources() throws IOException {
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(7))) {
            Cli.Run synced = syncAll(sandbox, "--customer-page-size", "3", "--resources", "orders,subscriptions");

            assertThat(synced.exitCode()).as("%s", synced).isZero();
            assertThat(synced.out()).contains("Customer list: 7 customer(s) in 3 page(s), 7 added")
                    .contains("ORDERS").contains("SUBSCRIPTIONS");
            Set<String> served = new TreeSet<>(sandbox.customerIds());
            assertThat(listedCustomerIds()).isEqualTo(served);
            assertThat(idsOfCustomersWithOrders()).isEqualTo(served);
            Cli.Run subscriptions = Cli.run(Map.of(), "--db", db(), "subscriptions", "list", "--format", "json");
            Set<String> withSubscriptions = new TreeSet<>();
            JSON.readTree(subscriptions.out()).forEach(s -> withSubscriptions.add(s.get("customerId").asText()));
            assertThat(withSubscriptions).isEqualTo(served);

            Cli.Run asJson = Cli.run(Map.of(), "--db", db(), "customers", "list", "--format", "json");
            JsonNode first = JSON.readTree(asJson.out()).get(0);
            assertThat(first.get("companyProfile").has("companyName")).isTrue();
            assertThat(first.get("companyProfile").has("domain")).isTrue();
            assertThat(first.get("relationshipToPartner").asText()).isEqualTo("reseller");
            Cli.Run table = Cli.run(Map.of(), "--db", db(), "customers", "list");
            assertThat(table.out()).contains("CUSTOMER").contains("7 customer(s).");
            Cli.Run csv = Cli.run(Map.of(), "--db", db(), "customers", "list", "--format", "csv");
            assertThat(csv.out().lines().toList()).hasSize(8).first().isEqualTo(String.join(",", CustomerOutput.CSV_HEADER));

            Cli.Run changes = Cli.run(Map.of(), "--db", db(), "changes", "--resource", "customers", "--format", "csv");
            assertThat(changes.exitCode()).as("%s", changes).isZero();
            assertThat(changes.out().lines().skip(1).toList()).hasSize(7).allSatisfy(row -> assertThat(row).contains(",ADDED,"));
        }
    }

    @Test
    void aCustomerListFailingMidWayStoresNothingOfItSyncsNoCustomerAndLeavesThePreviousListWhole() throws IOException {
        try (SandboxServer three = Sandbox.start(SandboxSettings.defaults())) {
            assertThat(syncAll(three).exitCode()).isZero();
        }
        Set<String> before = listedCustomerIds();
        Set<String> ordersBefore = idsOfCustomersWithOrders();
        assertThat(before).hasSize(3);

        // Seven customers in pages of three: the first page arrives, the second is refused.
        try (SandboxServer seven = Sandbox.start(SandboxSettings.defaults().withCustomers(7)
                .withFaults(FaultPlan.none().withCustomersPageFault(2, FaultKind.FORBIDDEN)))) {
            Cli.Run failed = syncAll(seven, "--customer-page-size", "3");

            assertThat(failed.exitCode()).as("%s", failed).isEqualTo(ExitCodes.PARTNER_CENTER);
            assertThat(failed.out()).contains("The customer list FAILED (FORBIDDEN)")
                    .contains("no customer was synced").doesNotContain("ORDERS");
        }
        assertThat(listedCustomerIds()).isEqualTo(before);
        assertThat(idsOfCustomersWithOrders()).isEqualTo(ordersBefore);
        Cli.Run changes = Cli.run(Map.of(), "--db", db(), "changes", "--resource", "customers", "--format", "csv");
        assertThat(changes.out().lines().skip(1).toList()).as("only the first list's additions").hasSize(3);
    }

    @Test
    void aRefusedCustomerFailsTheSyncWithExitCodeThreeWhileEveryOtherCustomerIsStored() throws IOException {
        try (SandboxServer probe = Sandbox.start(SandboxSettings.defaults())) {
            String refused = probe.customerIds().get(1);
            try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults()
                    .withFaults(FaultPlan.none().withSubscriptionsForbidden(refused)))) {
                Cli.Run synced = syncAll(sandbox, "--resources", "orders,subscriptions");

                assertThat(synced.exitCode()).as("%s", synced).isEqualTo(ExitCodes.PARTNER_CENTER);
                assertThat(synced.out()).contains("FAILED: FORBIDDEN").contains(refused);
                assertThat(listedCustomerIds()).hasSize(3).contains(refused);
                assertThat(idsOfCustomersWithOrders()).as("orders of all three, the refused one's included").hasSize(3);
                Cli.Run subscriptions = Cli.run(Map.of(), "--db", db(), "subscriptions", "list", "--format", "json");
                Set<String> withSubscriptions = new TreeSet<>();
                JSON.readTree(subscriptions.out()).forEach(s -> withSubscriptions.add(s.get("customerId").asText()));
                assertThat(withSubscriptions).hasSize(2).doesNotContain(refused);
            }
        }
    }

    @Test
    void allCustomersExcludesNamingCustomersAndAnOutOfRangePageSizeIsAUsageError() {
        Cli.Run both = Cli.run(WITH_TOKEN, "--db", db(), "sync", "--all-customers", "--customer",
                "06f02354-cad1-46f1-8fe5-e53775922052", "--base-url", "http://127.0.0.1:9");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("mutually exclusive");

        Cli.Run tooBig = Cli.run(WITH_TOKEN, "--db", db(), "sync", "--all-customers", "--customer-page-size", "501",
                "--base-url", "http://127.0.0.1:9");
        assertThat(tooBig.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooBig.err()).contains("--customer-page-size").contains("501");

        Cli.Run withoutList = Cli.run(WITH_TOKEN, "--db", db(), "sync", "--customer", "06f02354-cad1-46f1-8fe5-e53775922052",
                "--customer-page-size", "10", "--base-url", "http://127.0.0.1:9");
        assertThat(withoutList.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(withoutList.err()).contains("--customer-page-size").contains("needs --all-customers");
    }

    @Test
    void aCacheSyncedCustomerByCustomerListsNoCustomersAndSaysHowToListThem() {
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults())) {
            Cli.Run synced = Cli.run(WITH_TOKEN, "--db", db(), "sync", "--quiet", "--customer", sandbox.customerIds().get(0),
                    "--base-url", sandbox.baseUrl().toString());
            assertThat(synced.exitCode()).as("%s", synced).isZero();
        }
        Cli.Run listed = Cli.run(Map.of(), "--db", db(), "customers", "list");
        assertThat(listed.exitCode()).as("%s", listed).isZero();
        assertThat(listed.out()).contains("No cached customers; list them with sync --all-customers.");
    }
}
