package dev.pcorders.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.cli.reliability.CacheFile.Holding;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes syncing both customers, each two customers at once, and two listing orders, all on one new database
 * file at once: no process sees an error, a reader only ever sees whole snapshots, and everything is there at
 * the end. Bounded by rounds, not by time.
 */
class ConcurrencyReliabilityTest {

    private static final int ORDERS_PER_CUSTOMER = 1500;
    private static final int MAX_READ_ROUNDS = 10_000;
    // Only stops a hung child from hanging the build.
    private static final Duration HANG_GUARD = Duration.ofMinutes(5);

    @TempDir
    Path folder;

    @Test
    void twoWritersAndTwoReadersOnOneFileNeverFailAndLeaveEveryOrder() throws Exception {
        int syncs = Soak.iterations();
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(2)
                .withOrdersPerCustomer(ORDERS_PER_CUSTOMER).withPageSize(250))) {
            List<String> customers = sandbox.customerIds();
            long first = CacheFile.servedOrders(sandbox.data(), customers.get(0));
            long second = CacheFile.servedOrders(sandbox.data(), customers.get(1));
            // A reader sees each customer's snapshot whole or not at all.
            Set<Long> wholeStates = Set.of(0L, first, second, first + second);
            Path database = folder.resolve("shared.db");
            Path stop = folder.resolve("stop");
            List<ChildJvm> children = new ArrayList<>();
            try {
                // Each writer syncs both customers at once, in the other's order: four snapshot writers in two
                // processes, the same scope written by both, each process's customers sharing one writer connection.
                for (int i = 0; i < 2; i++) {
                    children.add(ChildJvm.start(SyncChild.class, folder.resolve("writer-" + i + ".err"),
                            Map.of(SyncChild.AT_ONCE, "2"), sandbox.baseUrl().toString(), database.toString(),
                            Integer.toString(syncs), customers.get(i), customers.get(1 - i)));
                }
                for (int i = 0; i < 2; i++) {
                    children.add(ChildJvm.start(ReadChild.class, folder.resolve("reader-" + i + ".err"),
                            database.toString(), stop.toString(), Integer.toString(MAX_READ_ROUNDS)));
                }
                long syncsStored = 0;
                for (int i = 0; i < 2; i++) {
                    ChildJvm writer = children.get(i);
                    List<String> done = linesUntilEnd(writer, "done ");
                    assertThat(writer.waitFor(HANG_GUARD)).as("writer %d\n%s", i, writer.transcript()).isZero();
                    assertThat(done).as("writer %d", i).hasSize(2 * syncs).allMatch(line -> line.startsWith("done stored "));
                    syncsStored += done.size();
                }
                Files.createFile(stop);
                long reads = 0;
                for (int i = 2; i < 4; i++) {
                    ChildJvm reader = children.get(i);
                    List<String> rounds = linesUntilEnd(reader, "");
                    assertThat(reader.waitFor(HANG_GUARD)).as("reader %d\n%s", i, reader.transcript()).isZero();
                    assertThat(rounds).as("reader %d", i).isNotEmpty().allMatch(line -> line.startsWith("read "));
                    for (String round : rounds) {
                        assertThat(Long.parseLong(round.substring("read ".length()))).as("reader %d", i).isIn(wholeStates);
                    }
                    reads += rounds.size();
                }

                assertThat(CacheFile.integrity(database)).isEqualTo("ok");
                long rows = 0;
                for (int i = 0; i < 2; i++) {
                    List<Holding> holdings = CacheFile.holdings(database, customers.get(i));
                    assertThat(holdings).singleElement().satisfies(holding -> assertThat(holding.snapshotStored()).isTrue());
                    rows += holdings.get(0).orders();
                }
                assertThat(rows).isEqualTo(first + second);
                ReliabilityFigures.record("concurrency.syncs", syncsStored);
                ReliabilityFigures.record("concurrency.reads", reads);
                ReliabilityFigures.record("concurrency.rows-checked", rows);
            } finally {
                for (ChildJvm child : children) {
                    child.close();
                }
            }
        }
    }

    /** Every line the child prints until it ends, keeping those that start with {@code prefix}. */
    private static List<String> linesUntilEnd(ChildJvm child, String prefix) throws InterruptedException {
        List<String> kept = new ArrayList<>();
        for (String line = child.nextLine(HANG_GUARD); !line.equals(ChildJvm.ENDED); line = child.nextLine(HANG_GUARD)) {
            if (line.startsWith(prefix) && !line.startsWith("page ")) {
                kept.add(line);
            }
        }
        return kept;
    }
}
