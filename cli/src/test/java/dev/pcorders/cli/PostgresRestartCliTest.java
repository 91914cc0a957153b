package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.persistence.postgres.TestPostgres;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The PostgreSQL server going away in the middle of {@code pc-orders sync} (an operator's restart, a crash) is a store
 * error, exit 4, with a message that names the database and never the password; once the server is back, the next
 * sync of the same cache succeeds and holds every customer.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PostgresRestartCliTest {

    private static final Map<String, String> LOGIN = Map.of("PC_ORDERS_ACCESS_TOKEN", "restart-token",
            "PC_ORDERS_DB_USER", TestPostgres.SUPERUSER, "PC_ORDERS_DB_PASSWORD", TestPostgres.PASSWORD);

    @Test
    void aServerStoppedDuringASyncIsExit4AndTheSyncAfterItsRestartSucceeds()
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        // Each answer takes a while, so the sync is still going (with customers left to store) when the server stops.
        try (TestPostgres server = TestPostgres.startNew();
             SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(8)
                     .withLatency(Duration.ofMillis(150)))) {
            String url = server.newDatabase();
            String[] sync = {"--db", url, "sync", "--quiet", "--all-customers", "--resources", "orders",
                    "--max-concurrency", "1", "--base-url", sandbox.baseUrl().toString()};

            CompletableFuture<Cli.Run> interrupted = CompletableFuture.supplyAsync(() -> Cli.run(LOGIN, sync));
            // The customer list and the first customers' orders have been answered: some customers are stored.
            assertThat(sandbox.awaitAnswered(4, Duration.ofMinutes(2))).as("the sync reached the orders").isTrue();
            server.stop();
            Cli.Run failed = interrupted.get(3, TimeUnit.MINUTES);

            assertThat(failed.exitCode()).as("%s", failed).isEqualTo(ExitCodes.STORAGE);
            assertThat(failed.err()).as("%s", failed).contains("postgresql://127.0.0.1:" + server.port())
                    .contains("could not be reached, or the connection to it was lost");
            assertThat(failed.out() + failed.err()).doesNotContain(TestPostgres.PASSWORD);

            server.start();
            Cli.Run again = Cli.run(LOGIN, sync);

            assertThat(again.exitCode()).as("%s", again).isZero();
            Cli.Run listed = Cli.run(LOGIN, "--db", url, "orders", "list", "--format", "json");
            assertThat(listed.exitCode()).as("%s", listed).isZero();
            List<String> customers = sandbox.customerIds();
            assertThat(customers).hasSize(8).allSatisfy(customer -> assertThat(listed.out()).contains(customer));
        }
    }
}
