package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reading commands read a cache in a folder they may not write, and leave nothing behind. Tests run as root here,
 * which ignores permission bits, so the folder is made read-only for the child process with a read-only bind mount in a
 * mount namespace of its own ({@code unshare -m}); where that is not allowed the folder tests are skipped.
 */
class ReadOnlyCacheTest {

    @TempDir
    Path folder;

    private Path cacheFolder;
    private Path cache;
    private String customer;
    private String anOrderId;

    @BeforeEach
    void syncASmallCache() throws IOException {
        cacheFolder = Files.createDirectory(folder.resolve("caches"));
        cache = cacheFolder.resolve("cache.db");
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(1).withOrdersPerCustomer(20))) {
            customer = sandbox.customerIds().get(0);
            Cli.Run sync = Cli.run(Map.of("PC_ORDERS_ACCESS_TOKEN", "read-only-test"), "--db", cache.toString(), "sync",
                    "--quiet", "--base-url", sandbox.baseUrl().toString(), "--customer", customer);
            assertThat(sync.exitCode()).as(sync.toString()).isZero();
        }
        Cli.Run csv = Cli.run(Map.of(), "--db", cache.toString(), "orders", "list", "--format", "csv");
        anOrderId = csv.out().lines().skip(1).findFirst().orElseThrow().split(",")[1];
    }

    private List<String> cacheFolderListing() throws IOException {
        try (Stream<Path> files = Files.list(cacheFolder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void readingLeavesNoFileAndNoChangedByte() throws IOException {
        byte[] before = Files.readAllBytes(cache);
        for (List<String> command : List.of(List.of("orders", "list"), List.of("orders", "show", anOrderId), List.of("changes"))) {
            String[] args = Stream.concat(Stream.of("--db", cache.toString()), command.stream()).toArray(String[]::new);
            Cli.Run run = Cli.run(Map.of(), args);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(cacheFolderListing()).as(command.toString()).containsExactly("cache.db");
        }
        assertThat(Files.readAllBytes(cache)).isEqualTo(before);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void readingCommandsWorkInAReadOnlyFolder() throws Exception {
        assumeReadOnlyBindMounts();
        for (List<String> command : List.of(List.of("orders", "list"), List.of("orders", "show", anOrderId), List.of("changes"))) {
            CliProcess.Ended run = inReadOnlyFolder(command);
            assertThat(run.exitCode()).as(command + ": " + run.err()).isZero();
            assertThat(run.outText()).contains(anOrderId);
        }
        assertThat(cacheFolderListing()).containsExactly("cache.db");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aReadOnlyFolderWithAWriterAtWorkIsReadThroughTheWritersFiles() throws Exception {
        assumeReadOnlyBindMounts();
        try (CacheStore writer = CacheStore.open(cache, SqliteStoreSettings.defaults());
             Connection jdbc = writer.openJdbcConnection();
             Statement statement = jdbc.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0");
            writer.runLog().startRun(OrderScope.allOrdersOf(CustomerId.parse(customer)), CorrelationId.random(), Instant.now());
            assertThat(cacheFolderListing()).contains("cache.db-wal", "cache.db-shm");

            CliProcess.Ended run = inReadOnlyFolder(List.of("orders", "list"));

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.outText()).contains(anOrderId);
        }
    }

    private CliProcess.Ended inReadOnlyFolder(List<String> command) throws IOException, InterruptedException {
        String[] args = Stream.concat(Stream.of("--db", cache.toString()), command.stream()).toArray(String[]::new);
        return CliProcess.run(folder, readOnlyMountOf(cacheFolder), List.of("-Xmx128m"), args);
    }

    /** Runs what follows in a mount namespace where {@code folder} is bound read-only onto itself. */
    private static List<String> readOnlyMountOf(Path folder) {
        return List.of("unshare", "-m", "sh", "-c", "mount --bind -o ro \"$0\" \"$0\" && exec \"$@\"", folder.toString());
    }

    private void assumeReadOnlyBindMounts() throws IOException, InterruptedException {
        Process probe;
        try {
            List<String> command = new java.util.ArrayList<>(readOnlyMountOf(cacheFolder));
            command.addAll(List.of("touch", cacheFolder.resolve("probe").toString()));
            probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException noUnshare) {
            Assumptions.abort("no unshare here: " + noUnshare.getMessage());
            return;
        }
        String said = new String(probe.getInputStream().readAllBytes());
        probe.waitFor(30, TimeUnit.SECONDS);
        Assumptions.assumeTrue(said.contains("Read-only file system"), "no read-only bind mount here: " + said);
        assertThat(cacheFolderListing()).containsExactly("cache.db");
    }
}
