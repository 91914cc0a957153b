package dev.pcorders.benchmarks;

import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.Page;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
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
 * One snapshot of {@code orders} orders of five line items stored into a fresh SQLite file, through the
 * repository and, as the baseline, with raw JDBC into the same schema over a connection with the same
 * driver settings. Each op is one whole snapshot in one transaction, so single-shot; the fresh store
 * (file, migrations, pools, the run row) is made before each op and not timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class StoreBenchmark {

    @Param("20000")
    public int orders;

    private Path directory;
    private List<Page<Order>> pages;
    private OrderScope scope;
    private int storeNumber;
    private CacheStore store;
    private StartedRun started;

    @Setup(Level.Trial)
    public void decodeOrders() {
        directory = OrderFixtures.temporaryDirectory("pc-orders-store");
        pages = OrderFixtures.decodedPages(orders, directory);
        scope = OrderFixtures.scopeOf(pages.get(0).items().get(0).referenceCustomerId());
    }

    @Setup(Level.Invocation)
    public void openFreshStore() throws SQLException {
        store = CacheStore.open(directory.resolve("store-" + (++storeNumber) + ".db"), SqliteStoreSettings.defaults());
        started = StartedRun.on(store, scope);
    }

    @TearDown(Level.Invocation)
    public void closeStore() {
        store.close();
        OrderFixtures.deleteStoreFiles(store.file().orElseThrow());
    }

    @TearDown(Level.Trial)
    public void deleteDirectory() {
        OrderFixtures.deleteRecursively(directory);
    }

    /** The adapter: {@code SnapshotStore.replaceSnapshot} of one run, as a sync calls it. */
    @Benchmark
    public SnapshotSummary repository() {
        return started.storeByRepository(pages);
    }

    /** The baseline: the same rows with batched prepared statements in one transaction. */
    @Benchmark
    public long rawJdbc() throws SQLException {
        return started.storeByRawJdbc(pages);
    }
}
