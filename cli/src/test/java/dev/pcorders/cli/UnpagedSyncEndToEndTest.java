package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer whose orders all come in one response larger than the 64 MiB the command line used to accept (and
 * could not be told to accept): Partner Center documents no paging for them. The sync reads the body as it arrives.
 */
@Timeout(300)
class UnpagedSyncEndToEndTest {

    private static final long OLD_LIMIT = 64L * 1024 * 1024;
    private static final int ORDERS = 14_000;

    @TempDir
    Path folder;

    @Test
    void aCustomerWhoseOrdersComeInOneResponseOfMoreThan64MiBIsStored() {
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(1)
                .withOrdersPerCustomer(ORDERS).withLineItemsPerOrder(5).withPageSize(0))) {
            String customer = sandbox.customerIds().get(0);
            String db = folder.resolve("cache.db").toString();

            Cli.Run sync = Cli.run(Map.of("PC_ORDERS_ACCESS_TOKEN", "unpaged-test-token"), "--db", db, "sync", "--quiet",
                    "--customer", customer, "--base-url", sandbox.baseUrl().toString(), "--include-price",
                    "--include-system-purchases");

            assertThat(sandbox.statistics().ordersRequests()).isEqualTo(1);
            assertThat(sandbox.statistics().bodyBytes()).as("the one response is larger than the old limit")
                    .isGreaterThan(OLD_LIMIT);
            assertThat(sync.exitCode()).as(sync.toString()).isZero();
            assertThat(sync.out()).containsPattern(customer + "\\s+stored\\s+\\d+\\s+" + ORDERS + "\\s");
            Cli.Run count = Cli.run(Map.of(), "--db", db, "orders", "list", "--format", "csv");
            assertThat(count.exitCode()).isZero();
            assertThat(count.out().lines().skip(1).map(line -> line.split(",", 3)[1]).distinct().count()).isEqualTo(ORDERS);
        }
    }
}
