package dev.pcorders.benchmarks;

import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.postgres.PostgresLocation;
import dev.pcorders.adapter.persistence.postgres.PostgresStoreSettings;
import dev.pcorders.adapter.persistence.postgres.TestPostgres;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.Page;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * PostgresStoreBenchmark's two sides run alternately, each round on fresh databases, so that a machine whose load
 * drifts (other builds) weighs on both sides of a round alike: the per-round ratio (raw JDBC time / repository time)
 * is steadier than the ratio of two JMH runs taken minutes apart. A diagnostic beside the JMH figure, not instead of it.
 *
 * <pre>java -Xmx2g [-Dpairs.slowStatementsMs=50] -cp benchmarks/target/benchmarks.jar dev.pcorders.benchmarks.StorePairsProbe [orders] [rounds]</pre>
 */
public final class StorePairsProbe {

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Path directory = OrderFixtures.temporaryDirectory("pc-orders-store-pairs");
        List<Page<Order>> pages = OrderFixtures.decodedPages(orders, directory);
        OrderScope scope = OrderFixtures.scopeOf(pages.get(0).items().get(0).referenceCustomerId());
        List<Double> ratios = new ArrayList<>();
        try (TestPostgres server = TestPostgres.startNew()) {
            String slowMillis = System.getProperty("pairs.slowStatementsMs");
            if (slowMillis != null) {
                // Where the server's time goes: its log (the server.log beside its data) gets every slower statement.
                try (Connection admin = server.connect("postgres"); Statement statement = admin.createStatement()) {
                    statement.execute("ALTER SYSTEM SET log_min_duration_statement = " + Integer.parseInt(slowMillis));
                    statement.execute("SELECT pg_reload_conf()");
                }
            }
            for (int round = 1; round <= rounds; round++) {
                // Alternate which side goes first, so neither always meets a warmer server.
                boolean rawFirst = round % 2 == 1;
                double raw = 0;
                double repository = 0;
                for (int side = 0; side < 2; side++) {
                    boolean rawSide = (side == 0) == rawFirst;
                    double seconds = timeOne(server, scope, pages, rawSide);
                    if (rawSide) {
                        raw = seconds;
                    } else {
                        repository = seconds;
                    }
                }
                ratios.add(raw / repository);
                System.out.printf("round %d: raw JDBC %.2f s, repository %.2f s, ratio %.2fx (load %s)%n", round, raw,
                        repository, raw / repository, java.nio.file.Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
            }
        } finally {
            OrderFixtures.deleteRecursively(directory);
        }
        List<Double> sorted = new ArrayList<>(ratios);
        Collections.sort(sorted);
        System.out.printf("median ratio %.2fx over %d rounds (min %.2fx, max %.2fx)%n", sorted.get(sorted.size() / 2),
                rounds, sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static double timeOne(TestPostgres server, OrderScope scope, List<Page<Order>> pages, boolean raw) throws Exception {
        String url = server.newDatabase();
        try (CacheStore store = CacheStore.open(PostgresLocation.of(url, Optional.of(TestPostgres.SUPERUSER),
                Optional.of(TestPostgres.PASSWORD)), PostgresStoreSettings.defaults())) {
            StartedRun started = StartedRun.on(store, scope);
            long start = System.nanoTime();
            if (raw) {
                started.storeByRawJdbc(pages);
            } else {
                started.storeByRepository(pages);
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            server.dropDatabase(url);
        }
    }
}
