package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcorders.sandbox.FaultKind;
import dev.pcorders.sandbox.FaultPlan;
import dev.pcorders.sandbox.LoggedRequest;
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
 * {@code sync --resume}: a sync with a customer refused is continued later with only what it did not finish, with its
 * flags, none synced twice; a finished sync resumes nothing and says so.
 */
@Timeout(120)
class ResumeSyncEndToEndTest {

    private static final Map<String, String> WITH_TOKEN = Map.of("PC_ORDERS_ACCESS_TOKEN", "resume-test-token");

    @TempDir
    Path folder;

    private String db() {
        return folder.resolve("cache.db").toString();
    }

    private Cli.Run sync(SandboxServer sandbox, String... flags) {
        List<String> args = new ArrayList<>(List.of("--db", db(), "sync", "--quiet", "--base-url", sandbox.baseUrl().toString()));
        args.addAll(List.of(flags));
        return Cli.run(WITH_TOKEN, args.toArray(String[]::new));
    }

    private Set<String> customersWithSubscriptions() throws IOException {
        Cli.Run listed = Cli.run(Map.of(), "--db", db(), "subscriptions", "list", "--format", "json");
        Set<String> customers = new TreeSet<>();
        new ObjectMapper().readTree(listed.out()).forEach(s -> customers.add(s.get("customerId").asText()));
        return customers;
    }

    @Test
    void aSyncWithARefusedCustomerIsResumedWithOnlyWhatItDidNotFinishAndItsFlags() throws IOException {
        List<String> customers;
        try (SandboxServer probe = Sandbox.start(SandboxSettings.defaults().withCustomers(4))) {
            customers = probe.customerIds();
        }
        String refused = customers.get(2);
        try (SandboxServer failing = Sandbox.start(SandboxSettings.defaults().withCustomers(4)
                .withFaults(FaultPlan.none().withSubscriptionsForbidden(refused)))) {
            Cli.Run first = sync(failing, "--all-customers", "--resources", "orders,subscriptions", "--include-price");
            assertThat(first.exitCode()).as("%s", first).isEqualTo(ExitCodes.PARTNER_CENTER);
        }
        assertThat(customersWithSubscriptions()).hasSize(3).doesNotContain(refused);

        try (SandboxServer healthy = Sandbox.start(SandboxSettings.defaults().withCustomers(4))) {
            Cli.Run resumed = sync(healthy, "--resume");

            assertThat(resumed.exitCode()).as("%s", resumed).isZero();
            assertThat(resumed.out()).contains("1 of its 8 customers' resources not finished");
            // Only the refused customer's subscriptions were asked for: no orders, no other customer, no list.
            assertThat(healthy.requestLog()).extracting(LoggedRequest::path)
                    .containsExactly("/v1/customers/" + refused + "/subscriptions");
            assertThat(customersWithSubscriptions()).hasSize(4);

            Cli.Run again = sync(healthy, "--resume");
            assertThat(again.exitCode()).as("%s", again).isZero();
            assertThat(again.out()).contains("finished all 1 of its customers' resources; nothing to resume");
            assertThat(healthy.requestLog()).hasSize(1);
        }
    }

    @Test
    void aResumedOrderSyncKeepsTheFlagsOfTheSyncItContinues() throws IOException {
        List<String> customers;
        try (SandboxServer probe = Sandbox.start(SandboxSettings.defaults().withCustomers(2))) {
            customers = probe.customerIds();
        }
        // One of the two customers' orders is refused (whichever asks second).
        try (SandboxServer failing = Sandbox.start(SandboxSettings.defaults().withCustomers(2)
                .withFaults(FaultPlan.schedule(FaultKind.NONE, FaultKind.FORBIDDEN)))) {
            Cli.Run first = sync(failing, "--customer", customers.get(0), "--customer", customers.get(1),
                    "--include-price");
            assertThat(first.exitCode()).as("%s", first).isEqualTo(ExitCodes.PARTNER_CENTER);
        }
        try (SandboxServer healthy = Sandbox.start(SandboxSettings.defaults().withCustomers(2))) {
            Cli.Run resumed = sync(healthy, "--resume");
            assertThat(resumed.exitCode()).as("%s", resumed).isZero();
            assertThat(resumed.out()).contains("1 of its 2 customers' resources not finished")
                    .contains("Synced with: --include-price");
            assertThat(healthy.requestLog()).hasSize(1);
        }
        Cli.Run orders = Cli.run(Map.of(), "--db", db(), "orders", "list", "--format", "json");
        Set<String> priced = new TreeSet<>();
        new ObjectMapper().readTree(orders.out()).forEach(order -> {
            if (order.has("pricesAsOf")) {
                priced.add(order.get("referenceCustomerId").asText());
            }
        });
        assertThat(priced).as("both customers' orders fetched with prices").containsExactlyInAnyOrderElementsOf(customers);
    }

    @Test
    void resumeRefusesOtherSyncFlagsAndAnEmptyCacheHasNothingToResume() {
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(1))) {
            Cli.Run withFlags = sync(sandbox, "--resume", "--include-price");
            assertThat(withFlags.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(withFlags.err()).contains("--resume syncs with the flags of the sync it continues");

            Cli.Run nothing = sync(sandbox, "--resume");
            assertThat(nothing.exitCode()).as("%s", nothing).isZero();
            assertThat(nothing.out()).contains("No sync was recorded in this cache; nothing to resume.");
            assertThat(sandbox.requestLog()).isEmpty();
        }
    }
}
