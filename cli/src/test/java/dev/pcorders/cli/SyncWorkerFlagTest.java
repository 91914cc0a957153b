package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync --worker I/N}: a share that is not one is a usage error before anything is opened or fetched. */
class SyncWorkerFlagTest {

    @TempDir
    Path folder;

    @Test
    void aShareThatIsNotIOverNIsAUsageErrorAndCreatesNoCache() {
        Path cache = folder.resolve("cache.db");
        for (String bad : new String[] {"0/2", "3/2", "2", "a/b"}) {
            Cli.Run run = Cli.run(Map.of("PC_ORDERS_ACCESS_TOKEN", "x"), "--db", cache.toString(), "sync",
                    "--customer", "8f1b3c2e-4d5a-4b6c-9d7e-0f1a2b3c4d5e", "--worker", bad, "--base-url", "http://127.0.0.1:9");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("--worker").contains("I/N");
        }
        assertThat(Files.exists(cache)).isFalse();
    }

    @Test
    void resumeTakesNoWorker() {
        Cli.Run run = Cli.run(Map.of("PC_ORDERS_ACCESS_TOKEN", "x"), "--db", folder.resolve("cache.db").toString(), "sync",
                "--resume", "--worker", "1/2");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--worker");
    }
}
