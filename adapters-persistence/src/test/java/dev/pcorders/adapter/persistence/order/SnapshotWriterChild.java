package dev.pcorders.adapter.persistence.order;

import dev.pcorders.adapter.persistence.postgres.PostgresLocation;
import dev.pcorders.adapter.persistence.postgres.PostgresStoreSettings;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.SyncRunId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The JVM {@link KilledSyncTest} (and its PostgreSQL twin) kills: opens the store in {@code args[0]} (a file or a
 * {@code jdbc:postgresql:} URL) and syncs the large
 * snapshot of {@link CrashSnapshots#SCOPE}, reporting on stdout where the writer is, one line each:
 * {@code run <id>}, {@code written <k>} (pages 1..k are written, page k+1 is not), {@code sleeping <k>},
 * {@code end} (every page written; waits for a line on stdin before finishing), {@code done}.
 *
 * <p>Modes ({@code args[1]}): {@code gated} waits for a line on stdin after every {@code written};
 * {@code free} writes on without waiting; {@code sleep} (page in {@code args[2]}) stops for good inside
 * the transaction when the writer asks for that page. Every mode waits at {@code end}, so the snapshot
 * can only commit when the test lets it. When stdin closes (the test's JVM is gone) this JVM halts, so
 * no child outlives its test.
 */
public final class SnapshotWriterChild {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final BlockingQueue<String> COMMANDS = new LinkedBlockingQueue<>();

    private SnapshotWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        String cache = args[0];
        String mode = args[1];
        int sleepAt = args.length > 2 ? Integer.parseInt(args[2]) : -1;
        watchStdin();

        try (CacheStore store = open(cache)) {
            JooqOrderRepository repository = store.cache();
            SyncRunId run = repository.startRun(CrashSnapshots.SCOPE, CorrelationId.random(), Instant.now());
            OUT.println("run " + run.value());
            SnapshotSummary summary = repository.replaceSnapshot(run, CrashSnapshots.SCOPE,
                    CrashSnapshots.pages(CrashSnapshots.LARGE, 2, new CrashSnapshots.PageListener() {
                        @Override
                        public void beforePage(int pageNumber) {
                            if (pageNumber > 1) {
                                OUT.println("written " + (pageNumber - 1));
                                if (mode.equals("gated")) {
                                    awaitCommand();
                                }
                            }
                            if (pageNumber == sleepAt) {
                                OUT.println("sleeping " + pageNumber);
                                sleepUntilKilled();
                            }
                        }

                        @Override
                        public void beforeEnd(int pages) {
                            OUT.println("end");
                            awaitCommand();
                        }
                    }));
            repository.finishRun(run, SyncRunOutcome.succeeded(Instant.now(), summary));
            OUT.println("done");
        }
    }

    /** A SQLite file, or a PostgreSQL URL whose login comes from PC_ORDERS_DB_USER and PC_ORDERS_DB_PASSWORD. */
    private static CacheStore open(String cache) {
        if (PostgresLocation.isPostgresUrl(cache)) {
            return CacheStore.open(PostgresLocation.of(cache, Optional.ofNullable(System.getenv("PC_ORDERS_DB_USER")),
                    Optional.ofNullable(System.getenv("PC_ORDERS_DB_PASSWORD"))), PostgresStoreSettings.defaults());
        }
        return CacheStore.open(Path.of(cache), SqliteStoreSettings.defaults());
    }

    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    COMMANDS.add(line);
                }
            } catch (IOException e) {
                // Treated as end of input: the test can no longer steer this JVM.
            }
            Runtime.getRuntime().halt(3);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void awaitCommand() {
        try {
            COMMANDS.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the test", e);
        }
    }

    private static void sleepUntilKilled() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted in the page iterator", e);
            }
        }
    }
}
