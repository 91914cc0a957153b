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
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole sync of one customer: the sandbox serves {@code orders} orders in pages over loopback, the
 * gateway fetches and decodes them, {@link SyncOrdersService} stores them through the repository into a
 * fresh SQLite file. The sandbox runs in the same JVM and competes for the same two cores, as it would
 * in the project's end-to-end tests. Its baseline is the store benchmark's repository figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class SyncBenchmark {

    @Param("20000")
    public int orders;

    private Path directory;
    private SandboxServer sandbox;
    private CloseableOrderGateway gateway;
    private SyncOrdersCommand command;
    private int storeNumber;
    private CacheStore store;
    private SyncOrdersService sync;

    @Setup(Level.Trial)
    public void startSandbox() {
        directory = OrderFixtures.temporaryDirectory("pc-orders-sync");
        sandbox = Sandbox.start(OrderFixtures.settings(orders));
        gateway = PartnerCenterOrderGateways.open(PartnerCenterClientSettings.defaults().withBaseUrl(sandbox.baseUrl()),
                new StaticAccessTokenProvider("benchmark-token"));
        command = SyncOrdersCommand.of(CustomerId.parse(sandbox.customerIds().get(0))).withPrices().withSystemPurchases();
    }

    @Setup(Level.Invocation)
    public void openFreshStore() {
        store = CacheStore.open(directory.resolve("sync-" + (++storeNumber) + ".db"), SqliteStoreSettings.defaults());
        sync = new SyncOrdersService(gateway, store.orderSnapshots(), store.runLog(), Clock.systemUTC());
    }

    @TearDown(Level.Invocation)
    public void closeStore() {
        store.close();
        OrderFixtures.deleteStoreFiles(store.file().orElseThrow());
    }

    @TearDown(Level.Trial)
    public void stopSandbox() {
        gateway.close();
        sandbox.close();
        OrderFixtures.deleteRecursively(directory);
    }

    @Benchmark
    public SyncResult sandboxGatewayRepository() {
        SyncResult result = sync.syncOrders(command);
        // A failed sync is fast and wrong: it must not be measured as a result.
        requireComplete(result, orders);
        return result;
    }

    static void requireComplete(SyncResult result, long expectedOrders) {
        for (CustomerSyncResult customer : result.customers()) {
            if (!(customer instanceof CustomerSyncResult.Succeeded succeeded) || succeeded.orders() != expectedOrders) {
                throw new IllegalStateException("the sync did not store all " + expectedOrders + " orders: " + customer);
            }
        }
    }
}
