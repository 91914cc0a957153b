package dev.pcorders.benchmarks;

import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.postgres.PostgresLocation;
import dev.pcorders.adapter.persistence.postgres.PostgresStoreSettings;
import dev.pcorders.adapter.persistence.postgres.TestPostgres;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.Page;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
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
 * {@link StoreBenchmark} on PostgreSQL: the same snapshot of {@code orders} orders stored through the repository and,
 * as the baseline, with {@link RawJdbcSnapshot}'s batches over a connection with the store's own driver settings. The
 * server is a real PostgreSQL (zonky's binaries, started by {@link TestPostgres} once per trial, on 127.0.0.1 with
 * fsync off as the tests run it), and each op gets a fresh database (created, migrated and dropped untimed), as the
 * SQLite benchmark gets a fresh file. Its name ends in {@code StoreBenchmark} so that a JMH filter of
 * {@code StoreBenchmark} runs both stores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class PostgresStoreBenchmark {

    @Param("20000")
    public int orders;

    private Path directory;
    private List<Page<Order>> pages;
    private OrderScope scope;
    private TestPostgres server;
    private String url;
    private CacheStore store;
    private StartedRun started;

    @Setup(Level.Trial)
    public void decodeOrdersAndStartServer() throws IOException, InterruptedException {
        directory = OrderFixtures.temporaryDirectory("pc-orders-pg-store");
        pages = OrderFixtures.decodedPages(orders, directory);
        scope = OrderFixtures.scopeOf(pages.get(0).items().get(0).referenceCustomerId());
        server = TestPostgres.startNew();
    }

    @Setup(Level.Invocation)
    public void openFreshStore() throws SQLException {
        url = server.newDatabase();
        store = CacheStore.open(PostgresLocation.of(url, Optional.of(TestPostgres.SUPERUSER), Optional.of(TestPostgres.PASSWORD)),
                PostgresStoreSettings.defaults());
        started = StartedRun.on(store, scope);
    }

    @TearDown(Level.Invocation)
    public void dropDatabase() throws SQLException {
        store.close();
        server.dropDatabase(url);
    }

    @TearDown(Level.Trial)
    public void stopServer() {
        server.close();
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
