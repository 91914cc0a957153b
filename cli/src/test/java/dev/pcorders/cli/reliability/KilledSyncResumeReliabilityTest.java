package dev.pcorders.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.cli.PcOrdersCli;
import dev.pcorders.sandbox.LoggedRequest;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync --all-customers}, several customers at once in a child JVM, killed with SIGKILL part-way: the file stays
 * intact, every customer holds nothing or one whole snapshot, and {@code sync --resume} then syncs exactly the customers
 * whose run had not succeeded, each once, so that in the end every customer is stored and none was synced twice. The
 * kill waits on the sandbox having answered a number of requests, not on a sleep; the sandbox's latency only keeps the
 * child busy long enough for the kill to land mid-way.
 */
@Timeout(300)
class KilledSyncResumeReliabilityTest {

    private static final int CUSTOMERS = 48;
    private static final int AT_ONCE = 4;
    private static final Map<String, String> TOKEN = Map.of("PC_ORDERS_ACCESS_TOKEN", "resume-reliability-token");
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    @TempDir
    Path folder;

    @Test
    void aConcurrentSyncKilledPartWayIsResumedWithNoCustomerSyncedTwiceAndNoneSkipped() throws Exception {
        SandboxSettings settings = SandboxSettings.defaults().withCustomers(CUSTOMERS).withOrdersPerCustomer(3)
                .withLatency(Duration.ofMillis(300));
        Path database = folder.resolve("killed.db");
        try (SandboxServer sandbox = Sandbox.start(settings)) {
            String baseUrl = sandbox.baseUrl().toString();
            try (ChildJvm child = ChildJvm.start(PcOrdersCli.class, folder.resolve("child.err"), TOKEN,
                    "--db", database.toString(), "sync", "--all-customers", "--base-url", baseUrl,
                    "--max-concurrency", Integer.toString(AT_ONCE))) {
                // The customer list and about a quarter of the customers: the kill lands with customers in flight.
                assertThat(sandbox.awaitAnswered(1 + CUSTOMERS / 4, HANG_GUARD)).as("%s", child.transcript()).isTrue();
                child.kill();
            }

            assertThat(CacheFile.integrity(database)).isEqualTo("ok");
            Map<String, Long> servedOrders = new HashMap<>();
            for (String customer : sandbox.customerIds()) {
                servedOrders.put(customer, CacheFile.servedOrders(sandbox.data(), customer));
                List<CacheFile.Holding> holdings = CacheFile.holdings(database, customer);
                assertThat(holdings).as("customer %s after the kill: nothing or one whole snapshot", customer)
                        .hasSizeLessThanOrEqualTo(1);
                holdings.forEach(holding -> assertThat(holding.orders()).isEqualTo(servedOrders.get(customer)));
            }
            Map<String, Long> succeededBefore = succeededOrderRuns(database);
            assertThat(succeededBefore).as("the kill landed after some customers").isNotEmpty();
            assertThat(succeededBefore.size()).as("and before the last").isLessThan(CUSTOMERS);

            // The killed child's requests still in flight are answered (and logged) after their latency: not the resume's.
            assertThat(sandbox.awaitNoneInFlight(HANG_GUARD)).isTrue();
            sandbox.resetRequestLog();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = PcOrdersCli.run(new String[] {"--db", database.toString(), "sync", "--resume", "--quiet",
                    "--base-url", baseUrl}, new PrintWriter(out, true), new PrintWriter(err, true), TOKEN);

            assertThat(exit).as("stdout:%n%s%nstderr:%n%s", out, err).isZero();
            List<String> asked = sandbox.requestLog().stream().map(LoggedRequest::path).toList();
            Set<String> notFinished = new TreeSet<>(sandbox.customerIds());
            notFinished.removeAll(succeededBefore.keySet());
            assertThat(asked).as("each unfinished customer's orders once, nothing else (no customer list)")
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(notFinished.stream().map(id -> "/v1/customers/" + id + "/orders")
                            .toList());

            Map<String, Long> succeededAfter = succeededOrderRuns(database);
            assertThat(succeededAfter.keySet()).as("none skipped").containsExactlyInAnyOrderElementsOf(sandbox.customerIds());
            succeededBefore.forEach((customer, run) -> assertThat(succeededAfter.get(customer))
                    .as("customer %s, finished before the kill, was not synced again", customer).isEqualTo(run));
            for (String customer : sandbox.customerIds()) {
                List<CacheFile.Holding> holdings = CacheFile.holdings(database, customer);
                assertThat(holdings).hasSize(1);
                assertThat(holdings.get(0).orders()).isEqualTo(servedOrders.get(customer));
                assertThat(holdings.get(0).run()).isEqualTo(succeededAfter.get(customer));
            }
            ReliabilityFigures.record("resume.customers", CUSTOMERS);
            ReliabilityFigures.record("resume.finished-before-kill", succeededBefore.size());
            ReliabilityFigures.record("resume.resumed", notFinished.size());
        }
    }

    /** The last succeeded orders run of each customer that has one. */
    private static Map<String, Long> succeededOrderRuns(Path database) throws SQLException {
        String sql = "SELECT s.customer_id, MAX(r.run_id) FROM sync_run r JOIN sync_scope s ON s.scope_id = r.scope_id"
                + " WHERE s.resource_kind = 'orders' AND r.outcome = 'succeeded' GROUP BY s.customer_id";
        Map<String, Long> runs = new HashMap<>();
        try (Connection connection = CacheFile.open(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                runs.put(rows.getString(1), rows.getLong(2));
            }
        }
        return runs;
    }
}
