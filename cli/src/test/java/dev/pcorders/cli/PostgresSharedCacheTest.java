package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcorders.adapter.persistence.postgres.TestPostgres;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One PostgreSQL cache shared by processes, as on several machines: two `sync --all-customers --worker i/2` processes
 * split the customers so that each is synced exactly once per round, while two reader processes list the cache and see
 * whole snapshots only.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class PostgresSharedCacheTest {

    private static final int CUSTOMERS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WORKER_LINE = Pattern.compile("Worker (\\d)/2: (\\d+) of (\\d+) customer\\(s\\)\\.");

    @TempDir
    Path folder;

    private static List<String> environment(String... variables) {
        List<String> prefix = new ArrayList<>(List.of("env", "PC_ORDERS_DB_USER=" + TestPostgres.SUPERUSER,
                "PC_ORDERS_DB_PASSWORD=" + TestPostgres.PASSWORD));
        prefix.addAll(List.of(variables));
        return prefix;
    }

    private CompletableFuture<CliProcess.Ended> inChild(List<String> environment, String... args) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return CliProcess.run(folder, environment, List.of("-Xmx256m"), args);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private List<CliProcess.Ended> round(String url, SandboxServer sandbox, boolean withReaders) {
        List<String> writer = environment("PC_ORDERS_ACCESS_TOKEN=shared-cache-token");
        List<CompletableFuture<CliProcess.Ended>> running = new ArrayList<>();
        for (int worker = 1; worker <= 2; worker++) {
            running.add(inChild(writer, "--db", url, "sync", "--quiet", "--all-customers", "--resources",
                    "orders,subscriptions", "--base-url", sandbox.baseUrl().toString(), "--worker", worker + "/2"));
        }
        if (withReaders) {
            running.add(inChild(environment(), "--db", url, "orders", "list", "--format", "json"));
            running.add(inChild(environment(), "--db", url, "subscriptions", "list", "--format", "json"));
        }
        return running.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void twoWorkersSplitTheCustomersEachSyncedOncePerRoundWhileReadersSeeWholeSnapshots() throws Exception {
        String url = TestPostgres.shared().newDatabase();
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(CUSTOMERS))) {
            List<CliProcess.Ended> first = round(url, sandbox, false);
            assertTheWorkersSplitTheCustomers(first);
            assertThat(runsPerCustomer(database, "orders")).hasSize(CUSTOMERS).allSatisfy((customer, runs) ->
                    assertThat(runs).as("orders runs of %s", customer).isEqualTo(1));
            assertThat(runsPerCustomer(database, "subscriptions")).hasSize(CUSTOMERS).allSatisfy((customer, runs) ->
                    assertThat(runs).as("subscription runs of %s", customer).isEqualTo(1));
            int orders = JSON.readTree(Cli.run(Map.of("PC_ORDERS_DB_USER", TestPostgres.SUPERUSER, "PC_ORDERS_DB_PASSWORD",
                    TestPostgres.PASSWORD), "--db", url, "orders", "list", "--format", "json").out()).size();
            assertThat(orders).isPositive();

            List<CliProcess.Ended> second = round(url, sandbox, true);

            assertTheWorkersSplitTheCustomers(second.subList(0, 2));
            assertThat(runsPerCustomer(database, "orders")).hasSize(CUSTOMERS).allSatisfy((customer, runs) ->
                    assertThat(runs).as("orders runs of %s after two rounds", customer).isEqualTo(2));
            CliProcess.Ended ordersReader = second.get(2);
            CliProcess.Ended subscriptionsReader = second.get(3);
            assertThat(ordersReader.exitCode()).as(ordersReader.err()).isZero();
            assertThat(subscriptionsReader.exitCode()).as(subscriptionsReader.err()).isZero();
            // The sandbox serves the same orders every round: a reader that saw a snapshot half replaced would miss some.
            JsonNode seen = JSON.readTree(ordersReader.outText());
            assertThat(seen.size()).as("orders a reader saw while both workers replaced every snapshot").isEqualTo(orders);
            assertThat(JSON.readTree(subscriptionsReader.outText()).size()).isPositive();
            assertThat(failedRuns(database)).as("runs that failed").isZero();
        }
    }

    private static void assertTheWorkersSplitTheCustomers(List<CliProcess.Ended> workers) throws IOException {
        int shares = 0;
        for (CliProcess.Ended worker : workers) {
            assertThat(worker.exitCode()).as("worker: %s", worker.err()).isZero();
            Matcher line = WORKER_LINE.matcher(worker.outText());
            assertThat(line.find()).as(worker.outText()).isTrue();
            assertThat(Integer.parseInt(line.group(3))).isEqualTo(CUSTOMERS);
            shares += Integer.parseInt(line.group(2));
        }
        assertThat(shares).as("customers taken by the two workers together").isEqualTo(CUSTOMERS);
    }

    private static Map<String, Integer> runsPerCustomer(String database, String resource) throws SQLException {
        Map<String, Integer> runs = new TreeMap<>();
        try (Connection connection = TestPostgres.shared().connect(database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT s.customer_id, count(*) FROM sync_run r JOIN sync_scope s"
                     + " ON s.scope_id = r.scope_id WHERE s.resource_kind = '" + resource + "' AND r.outcome = 'succeeded'"
                     + " GROUP BY s.customer_id")) {
            while (rows.next()) {
                runs.put(rows.getString(1), rows.getInt(2));
            }
        }
        return runs;
    }

    private static int failedRuns(String database) throws SQLException {
        try (Connection connection = TestPostgres.shared().connect(database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM sync_run WHERE outcome IS DISTINCT FROM 'succeeded'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
