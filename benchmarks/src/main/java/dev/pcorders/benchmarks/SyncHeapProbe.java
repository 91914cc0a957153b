package dev.pcorders.benchmarks;

import dev.pcorders.adapter.http.auth.StaticAccessTokenProvider;
import dev.pcorders.adapter.http.order.CloseableOrderGateway;
import dev.pcorders.adapter.http.order.PartnerCenterOrderGateways;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.order.port.in.CustomerSyncResult;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.in.SyncResult;
import dev.pcorders.application.order.service.SyncOrdersService;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;

/**
 * Target 4: a sync of a million line items in a small heap. Not a JMH benchmark: run.sh starts it in its
 * own JVM with {@code -Xmx256m} and a GC log. Writes what it saw as properties to the file named by the second
 * argument; the GC log gives the peak occupancy between collections.
 *
 * <p>Given a {@link ProbeSandbox}'s info file, the probe syncs from that sandbox, in its own JVM, and the heap
 * figures are the client's alone: gateway, decoder and repository. Without one it starts a sandbox that serves
 * {@value OrderFixtures#PAGE_SIZE} orders a response in its own heap, which only makes the check stricter.
 *
 * <p>Arguments: {@code <orders> <result.properties> [<probe-sandbox.properties>]}.
 */
public final class SyncHeapProbe {

    private SyncHeapProbe() {
    }

    public static void main(String[] args) throws IOException {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path resultFile = Path.of(args.length > 1 ? args[1] : "heap-probe.properties");
        Optional<Properties> external = args.length > 2 ? Optional.of(load(Path.of(args[2]))) : Optional.empty();
        Path directory = OrderFixtures.temporaryDirectory("pc-orders-heap");
        Properties result = new Properties();
        result.setProperty("orders.requested", Integer.toString(orders));
        result.setProperty("max.heap.bytes", Long.toString(Runtime.getRuntime().maxMemory()));
        result.setProperty("gc", HeapFigures.collectorNames());
        long started = System.nanoTime();
        int pageSize = external.map(info -> Integer.parseInt(info.getProperty("page.size"))).orElse(OrderFixtures.PAGE_SIZE);
        result.setProperty("served.as", pageSize == 0 || pageSize >= orders ? "one response"
                : "responses of " + pageSize + " orders");
        result.setProperty("sandbox", external.isPresent() ? "its own JVM" : "this JVM");
        try (SandboxServer sandbox = external.isPresent() ? null : Sandbox.start(OrderFixtures.settings(orders));
             CloseableOrderGateway gateway = PartnerCenterOrderGateways.open(
                     PartnerCenterClientSettings.defaults().withBaseUrl(external
                             .map(info -> URI.create(info.getProperty("base.url"))).orElseGet(() -> sandbox.baseUrl())),
                     new StaticAccessTokenProvider("heap-probe-token"));
             CacheStore store = CacheStore.open(directory.resolve("heap.db"), SqliteStoreSettings.defaults())) {
            String customerId = external.map(info -> info.getProperty("customer")).orElseGet(() -> sandbox.customerIds().get(0));
            SyncOrdersCommand command = SyncOrdersCommand.of(CustomerId.parse(customerId))
                    .withPrices().withSystemPurchases();
            SyncResult sync = new SyncOrdersService(gateway, store.orderSnapshots(), store.runLog(), Clock.systemUTC()).syncOrders(command);
            CustomerSyncResult customer = sync.customers().get(0);
            result.setProperty("completed", Boolean.toString(customer.succeeded()));
            if (customer instanceof CustomerSyncResult.Succeeded succeeded) {
                result.setProperty("orders.stored", Long.toString(succeeded.orders()));
                result.setProperty("line.items.stored", Long.toString(succeeded.lineItems()));
                result.setProperty("pages", Long.toString(succeeded.pages()));
            } else {
                result.setProperty("failure", customer.toString());
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            result.setProperty("completed", "false");
            result.setProperty("failure", e.toString());
        } finally {
            result.setProperty("seconds", String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
            result.setProperty("heap.pool.peaks.sum.bytes", Long.toString(HeapFigures.poolPeaksSumBytes()));
            try (OutputStream out = Files.newOutputStream(resultFile)) {
                result.store(out, "pc-orders sync heap probe");
            }
            OrderFixtures.deleteRecursively(directory);
        }
        if (!"true".equals(result.getProperty("completed"))) {
            System.exit(1);
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }
}
