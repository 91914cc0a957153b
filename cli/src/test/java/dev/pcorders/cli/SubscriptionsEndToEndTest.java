package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcorders.sandbox.FaultPlan;
import dev.pcorders.sandbox.PlantedSubscription;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Subscriptions through the command line: synced beside orders, listed, their changes shown, a refusal counted. */
@Timeout(120)
class SubscriptionsEndToEndTest {

    private static final Map<String, String> WITH_TOKEN = Map.of("PC_ORDERS_ACCESS_TOKEN", "subscriptions-test-token");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private String db() {
        return folder.resolve("cache.db").toString();
    }

    private static Cli.Run sync(SandboxServer sandbox, String db, String... flags) {
        List<String> args = new ArrayList<>(List.of("--db", db, "sync", "--quiet", "--base-url", sandbox.baseUrl().toString()));
        sandbox.customerIds().forEach(id -> args.addAll(List.of("--customer", id)));
        args.addAll(List.of(flags));
        return Cli.run(WITH_TOKEN, args.toArray(String[]::new));
    }

    @Test
    void subscriptionsAreSyncedBesideOrdersListedAsSentAndTheirChangesShown() throws IOException {
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults())) {
            Cli.Run synced = sync(sandbox, db(), "--resources", "orders,subscriptions");
            assertThat(synced.exitCode()).as("%s", synced).isZero();
            assertThat(synced.out()).contains("ORDERS").contains("SUBSCRIPTIONS");

            Cli.Run listed = Cli.run(Map.of(), "--db", db(), "subscriptions", "list", "--format", "json");
            assertThat(listed.exitCode()).as("%s", listed).isZero();
            JsonNode all = JSON.readTree(listed.out());
            assertThat(all.size()).isPositive();
            PlantedSubscription suspended = sandbox.plantedSubscriptions().suspendedButBilled().orElseThrow();
            JsonNode suspendedAsListed = find(all, suspended.subscriptionId());
            assertThat(suspendedAsListed.get("status").asText()).isEqualTo("suspended");
            assertThat(suspendedAsListed.get("customerId").asText()).isEqualToIgnoringCase(suspended.customerId());
            assertThat(suspendedAsListed.has("offerId")).isTrue();

            Cli.Run onlySuspended = Cli.run(Map.of(), "--db", db(), "subscriptions", "list", "--status", "suspended",
                    "--format", "csv");
            assertThat(onlySuspended.exitCode()).as("%s", onlySuspended).isZero();
            assertThat(onlySuspended.out().lines().skip(1).toList()).isNotEmpty()
                    .allSatisfy(row -> assertThat(row).contains(",suspended,"));

            Cli.Run changes = Cli.run(Map.of(), "--db", db(), "changes", "--resource", "subscriptions", "--format", "csv");
            assertThat(changes.exitCode()).as("%s", changes).isZero();
            assertThat(changes.out().lines().skip(1).toList()).hasSize(all.size())
                    .allSatisfy(row -> assertThat(row).contains(",ADDED,"));

            Cli.Run orderChanges = Cli.run(Map.of(), "--db", db(), "changes", "--format", "csv");
            assertThat(orderChanges.out()).as("orders stay the default resource of changes").contains("orderId");
        }
    }

    @Test
    void aCustomerWhoseSubscriptionsAreRefusedFailsTheSyncWhileTheOthersAreStored() throws IOException {
        // The customer ids follow from the settings' seed; a first sandbox tells them before the faulty one starts.
        try (SandboxServer probe = Sandbox.start(SandboxSettings.defaults())) {
            String refused = probe.customerIds().get(1);
            try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults()
                    .withFaults(FaultPlan.none().withSubscriptionsForbidden(refused)))) {
                Cli.Run synced = sync(sandbox, db(), "--resources", "subscriptions");

                assertThat(synced.exitCode()).as("%s", synced).isEqualTo(ExitCodes.PARTNER_CENTER);
                assertThat(synced.out()).contains("FAILED: FORBIDDEN").contains(refused);
                Cli.Run listed = Cli.run(Map.of(), "--db", db(), "subscriptions", "list", "--format", "json");
                JsonNode all = JSON.readTree(listed.out());
                assertThat(all).isNotEmpty().allSatisfy(subscription ->
                        assertThat(subscription.get("customerId").asText()).isNotEqualToIgnoringCase(refused));
            }
        }
    }

    @Test
    void orderFiltersWithoutOrdersAreRefusedBeforeAnythingIsFetched() {
        Cli.Run run = Cli.run(WITH_TOKEN, "--db", db(), "sync", "--customer", "06f02354-cad1-46f1-8fe5-e53775922052",
                "--resources", "subscriptions", "--include-price", "--base-url", "http://127.0.0.1:9");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("add orders to --resources");
    }

    private static JsonNode find(JsonNode all, String subscriptionId) {
        for (JsonNode subscription : all) {
            if (subscription.get("id").asText().equalsIgnoreCase(subscriptionId)) {
                return subscription;
            }
        }
        throw new AssertionError("subscription " + subscriptionId + " not listed");
    }
}
