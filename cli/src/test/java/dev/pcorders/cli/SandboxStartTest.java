package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code sandbox} listens and prints its address before it makes its data set, however large. */
class SandboxStartTest {

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theAddressComesBeforeTheCustomersAreMade() throws Exception {
        // Customers that cannot fit in this heap: making them first would end the sandbox before it printed anything.
        CliProcess.Ended run = CliProcess.run(folder, List.of(), List.of("-Xmx48m", "-XX:+UseSerialGC"),
                "sandbox", "--customers", "20000000");

        List<String> printed = Files.readAllLines(run.out());
        assertThat(printed).as(run.err()).isNotEmpty();
        assertThat(printed.get(0)).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(run.err()).contains("OutOfMemoryError");
    }
}
