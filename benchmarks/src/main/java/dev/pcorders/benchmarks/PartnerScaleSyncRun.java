package dev.pcorders.benchmarks;

import dev.pcorders.adapter.http.auth.StaticAccessTokenProvider;
import dev.pcorders.adapter.http.customer.CloseableCustomerGateway;
import dev.pcorders.adapter.http.customer.PartnerCenterCustomerGateways;
import dev.pcorders.adapter.http.order.CloseableOrderGateway;
import dev.pcorders.adapter.http.order.PartnerCenterOrderGateways;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.http.partnercenter.RequestPacer;
import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.customer.port.in.CustomerListSyncResult;
import dev.pcorders.application.customer.service.SyncCustomersService;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.in.SyncResult;
import dev.pcorders.application.order.service.SyncOrdersService;
import dev.pcorders.application.shared.sync.SyncConcurrency;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Issue 19's partner-scale run, timed as a whole (minutes, not a JMH microbenchmark): list every customer of a
 * sandbox that answers after {@code latency} and throttles beyond {@code limit} a minute, then sync every customer's
 * orders, as {@code sync --all-customers} does. The baseline in the same run is the rate-limit bound (requests / the
 * sandbox's limit); the sequential figure (one customer at a time) is measured on a subset. Being told twice the limit
 * is also run on enough customers for {@code windows} minutes of requests, since fewer than one minute's worth never
 * meets the sandbox's limit. Each row gives the time the cache's write lock was held, as a share of the wall time.
 * <pre>java -cp benchmarks.jar dev.pcorders.benchmarks.PartnerScaleSyncRun [customers] [latencyMs] [limitPerMinute] [windows]</pre>
 */
public final class PartnerScaleSyncRun {

    private record Outcome(String name, int customers, long requests, double seconds, long throttled, double boundSeconds,
                           double writeLockHeldSeconds, double listSeconds, long listRequests, int limit) {
        String row() {
            double ordersBound = (requests - listRequests) * 60.0 / limit;
            return String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f s | %.1f s | %.2fx | %d | %.1f s (%.0f%%) "
                            + "| %.1f s, %d pages | %.2fx |", name, customers, requests, seconds, boundSeconds,
                    seconds / boundSeconds, throttled, writeLockHeldSeconds, 100 * writeLockHeldSeconds / seconds,
                    listSeconds, listRequests, (seconds - listSeconds) / ordersBound);
        }
    }

    private PartnerScaleSyncRun() {
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : 1_200;
        int windows = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        // About one request a customer, and the customer list's pages besides.
        int customersForWindows = windows * limit;
        Path directory = OrderFixtures.temporaryDirectory("pc-orders-partner-scale");
        try {
            List<Outcome> outcomes = List.of(
                    run("told the limit (" + limit + "/min), 16 at once", customers, latencyMs, limit, limit, 16, directory),
                    run("told twice the limit (" + 2 * limit + "/min), 16 at once", customers, latencyMs, limit, 2 * limit,
                            16, directory),
                    // Enough requests for several of the sandbox's 60 s windows: being told twice the limit then meets
                    // 429s, and the back-off is what is measured.
                    run("told twice the limit (" + 2 * limit + "/min), 16 at once, " + windows + " windows of requests",
                            customersForWindows, latencyMs, limit, 2 * limit, 16, directory),
                    run("sequential (1 at a time, told the limit)", Math.max(1, customers / 10), latencyMs, limit, limit, 1,
                            directory));
            System.out.println("| run | customers | requests | wall time | rate-limit bound | ratio | 429s "
                    + "| write lock held (share of wall) | of which the customer list | orders phase ratio |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            outcomes.forEach(outcome -> System.out.println(outcome.row()));
        } finally {
            OrderFixtures.deleteRecursively(directory);
        }
    }

    private static Outcome run(String name, int customers, int latencyMs, int sandboxLimit, int toldLimit, int atOnce,
                               Path directory) {
        SandboxSettings settings = SandboxSettings.defaults().withCustomers(customers).withOrdersPerCustomer(5)
                .withLatency(Duration.ofMillis(latencyMs)).withRateLimit(sandboxLimit);
        try (SandboxServer sandbox = Sandbox.start(settings);
             CacheStore store = CacheStore.open(directory.resolve(name.hashCode() + ".db"),
                     SqliteStoreSettings.defaults())) {
            PartnerCenterClientSettings client = PartnerCenterClientSettings.defaults().withBaseUrl(sandbox.baseUrl())
                    .withRequestPacer(RequestPacer.perMinute(toldLimit));
            StaticAccessTokenProvider token = new StaticAccessTokenProvider("partner-scale-token");
            try (CloseableCustomerGateway customerGateway = PartnerCenterCustomerGateways.open(client, token);
                 CloseableOrderGateway orderGateway = PartnerCenterOrderGateways.open(client, token)) {
                CorrelationId correlation = CorrelationId.random();
                Duration heldBefore = store.writeLockUse().held();
                long started = System.nanoTime();
                CustomerListSyncResult listed = new SyncCustomersService(customerGateway, store.customerSnapshots(),
                        store.runLog(), Clock.systemUTC()).syncCustomers(correlation);
                if (!listed.succeeded()) {
                    throw new IllegalStateException("the customer list failed: " + listed);
                }
                // The list's pages follow one another (each needs the one before's continuation token): latency-bound.
                double listSeconds = (System.nanoTime() - started) / 1e9;
                long listRequests = sandbox.requestLog().size();
                List<CustomerId> ids = store.customers().findCustomers(false).stream()
                        .map(cached -> cached.customer().id()).toList();
                SyncResult synced = new SyncOrdersService(orderGateway, store.orderSnapshots(), store.runLog(),
                        Clock.systemUTC(), SyncConcurrency.customersAtOnce(atOnce))
                        .syncOrders(SyncOrdersCommand.of(ids).withCorrelationId(correlation));
                double seconds = (System.nanoTime() - started) / 1e9;
                double heldSeconds = store.writeLockUse().held().minus(heldBefore).toNanos() / 1e9;
                if (!synced.allSucceeded()) {
                    throw new IllegalStateException(synced.failures().size() + " customers failed, first: "
                            + synced.failures().get(0));
                }
                long answered = sandbox.requestLog().stream().filter(request -> request.status() == 200).count();
                double bound = answered * 60.0 / sandboxLimit;
                return new Outcome(name, customers, answered, seconds, sandbox.throttledRequests(), bound, heldSeconds,
                        listSeconds, listRequests, sandboxLimit);
            }
        }
    }
}
