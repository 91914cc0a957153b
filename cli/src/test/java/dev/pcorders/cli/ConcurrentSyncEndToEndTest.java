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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several customers synced at once through the command line, against a sandbox that answers after a latency: the
 * sandbox's own request log shows how many requests were in flight together and how fast they came, so nothing here
 * times the client.
 */
@Timeout(180)
class ConcurrentSyncEndToEndTest {

    private static final Map<String, String> WITH_TOKEN = Map.of("PC_ORDERS_ACCESS_TOKEN", "concurrency-test-token");

    @TempDir
    Path folder;

    private Cli.Run syncAll(SandboxServer sandbox, String... flags) {
        List<String> args = new ArrayList<>(List.of("--db", folder.resolve("cache.db").toString(), "sync", "--quiet",
                "--base-url", sandbox.baseUrl().toString()));
        sandbox.customerIds().forEach(id -> args.addAll(List.of("--customer", id)));
        args.addAll(List.of(flags));
        return Cli.run(WITH_TOKEN, args.toArray(String[]::new));
    }

    /** The most requests the sandbox held at one moment, from each request's arrival and answer. */
    private static int mostInFlight(List<LoggedRequest> log) {
        record Edge(Instant at, int delta) {
        }
        List<Edge> edges = new ArrayList<>();
        log.forEach(request -> {
            edges.add(new Edge(request.arrived(), 1));
            edges.add(new Edge(request.answered(), -1));
        });
        // An answer and an arrival at the same instant: the answer first, so they do not count as overlapping.
        edges.sort(Comparator.comparing(Edge::at).thenComparingInt(Edge::delta));
        int now = 0;
        int most = 0;
        for (Edge edge : edges) {
            now += edge.delta();
            most = Math.max(most, now);
        }
        return most;
    }

    @Test
    void customersAreFetchedSeveralAtOnceButNeverMoreThanAllowedAndAllAreStored() throws IOException {
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(12)
                .withLatency(Duration.ofMillis(300)))) {
            Cli.Run synced = syncAll(sandbox, "--max-concurrency", "4", "--rate-limit", "60000");

            assertThat(synced.exitCode()).as("%s", synced).isZero();
            List<LoggedRequest> log = sandbox.requestLog();
            assertThat(log).hasSize(12).allMatch(request -> request.status() == 200);
            assertThat(mostInFlight(log)).isBetween(2, 4);
            Cli.Run orders = Cli.run(Map.of(), "--db", folder.resolve("cache.db").toString(), "orders", "list",
                    "--format", "json");
            Set<String> customers = new TreeSet<>();
            new ObjectMapper().readTree(orders.out()).forEach(order -> customers.add(order.get("referenceCustomerId").asText()));
            assertThat(customers).isEqualTo(new TreeSet<>(sandbox.customerIds()));
        }
    }

    @Test
    void theRateLimitSpreadsTheRequestsOfEveryWorkerOverTime() {
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(5))) {
            // 60 a minute is one a second: five customers at once must still arrive over about four seconds.
            Cli.Run synced = syncAll(sandbox, "--max-concurrency", "5", "--rate-limit", "60");

            assertThat(synced.exitCode()).as("%s", synced).isZero();
            List<LoggedRequest> log = sandbox.requestLog();
            assertThat(log).hasSize(5);
            assertThat(synced.out()).as("the requests counted are the ones the server saw")
                    .contains(": 5 request(s), at most 5 customer(s) at once and 60 requests a minute; 0 request(s) throttled");
            Instant first = log.stream().map(LoggedRequest::arrived).min(Comparator.naturalOrder()).orElseThrow();
            Instant last = log.stream().map(LoggedRequest::arrived).max(Comparator.naturalOrder()).orElseThrow();
            assertThat(Duration.between(first, last)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        }
    }

    @Test
    void aThrottledAnswerPausesEveryWorkerForItsRetryAfterAndIsCounted() {
        // Eight customers, two at a time, each answer after 300 ms; the very first request is answered 429 with
        // Retry-After: 4. Without a pause for the whole tenant, the other worker would go on with a customer every
        // ~300 ms meanwhile; with it, nothing arrives until the 4 s are over. A request may slip in just before the
        // client has read the 429: a second of slack for that on a loaded machine.
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(8)
                .withLatency(Duration.ofMillis(300))
                .withFaults(FaultPlan.schedule(FaultKind.THROTTLED).withRetryAfterSeconds(4)))) {
            Cli.Run synced = syncAll(sandbox, "--max-concurrency", "2", "--rate-limit", "60000");

            assertThat(synced.exitCode()).as("%s", synced).isZero();
            assertThat(synced.out()).contains("1 request(s) throttled (429)");
            List<LoggedRequest> log = sandbox.requestLog();
            assertThat(log.stream().filter(request -> request.status() == 200)).hasSize(8);
            Instant throttledAt = log.stream().filter(request -> request.status() == 429).findFirst().orElseThrow()
                    .answered();
            Instant pauseEnds = throttledAt.plusSeconds(4).minusMillis(50);
            assertThat(log).noneMatch(request -> request.arrived().isAfter(throttledAt.plusSeconds(1))
                    && request.arrived().isBefore(pauseEnds));
            assertThat(log.stream().filter(request -> !request.arrived().isBefore(pauseEnds))).hasSizeGreaterThan(2);
        }
    }

    @Test
    void aRateLimitOrConcurrencyOutOfRangeIsAUsageError() {
        Cli.Run zeroRate = Cli.run(WITH_TOKEN, "--db", folder.resolve("cache.db").toString(), "sync", "--customer",
                "06f02354-cad1-46f1-8fe5-e53775922052", "--rate-limit", "0", "--base-url", "http://127.0.0.1:9");
        assertThat(zeroRate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(zeroRate.err()).contains("--rate-limit").contains("got 0");

        Cli.Run tooMany = Cli.run(WITH_TOKEN, "--db", folder.resolve("cache.db").toString(), "sync", "--customer",
                "06f02354-cad1-46f1-8fe5-e53775922052", "--max-concurrency", "1000", "--base-url", "http://127.0.0.1:9");
        assertThat(tooMany.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooMany.err()).contains("--max-concurrency").contains("got 1000");
    }
}
