package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --db} names a cache file: an empty name or SQLite's in-memory database is a usage error, and creates nothing. */
class DatabaseFlagTest {

    @TempDir
    Path folder;

    @Test
    void anEmptyOrInMemoryDatabaseIsAUsageError() throws Exception {
        for (String bad : new String[] {"", ":memory:", "file:cache.db?mode=memory"}) {
            for (String[] args : new String[][] {{"--db", bad, "orders", "list"}, {"orders", "list", "--db", bad},
                    {"--db", bad, "sync", "--customer", "8f1b3c2e-4d5a-4b6c-9d7e-0f1a2b3c4d5e"}}) {
                Cli.Run run = Cli.run(Map.of("PC_ORDERS_ACCESS_TOKEN", "x", "user.dir", folder.toString()), args);
                assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
                assertThat(run.err()).contains("--db");
            }
        }
        assertThat(Files.exists(Path.of(":memory:"))).isFalse();
    }

    @Test
    void anInMemoryDatabaseFromTheEnvironmentIsAUsageErrorToo() {
        Cli.Run run = Cli.run(Map.of("PC_ORDERS_DB", ":memory:"), "orders", "list");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("PC_ORDERS_DB").contains(":memory:");
        try (Stream<Path> nothing = Stream.of(Path.of(":memory:"))) {
            assertThat(nothing.filter(Files::exists)).isEmpty();
        }
    }
}
