package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar is built by this module, so the commands users copy (the README's and the demo's "Next" lines)
 * must name this module's target folder, seen from the repository root.
 */
class RunnableJarPathTest {

    private static final Pattern JAR_COMMAND = Pattern.compile("java -jar \"?(?:\\$repo/)?([^\\s\"]+\\.jar)");
    private static final String JAR_FROM_THE_ROOT = "cli/target/pc-orders.jar";

    @TempDir
    Path folder;

    @Test
    void theJarNamedFromTheRepositoryRootIsTheOneThisModuleBuilds() {
        // The tests run in the module's folder; the shade plugin writes target/pc-orders.jar there.
        assertThat(Path.of("..").resolve(JAR_FROM_THE_ROOT).toAbsolutePath().normalize())
                .isEqualTo(Path.of("target", "pc-orders.jar").toAbsolutePath().normalize());
    }

    @Test
    void theReadmeAndCiRunTheJarThisModuleBuilds() throws IOException {
        for (Path file : List.of(Path.of("..", "README.md"), Path.of("..", ".ci", "run"))) {
            List<String> jars = jarsNamedIn(Files.readString(file));
            assertThat(jars).as("java -jar commands in %s", file).isNotEmpty().containsOnly(JAR_FROM_THE_ROOT);
        }
    }

    @Test
    @Timeout(300)
    void theDemosNextCommandsRunTheJarThisModuleBuilds() {
        Cli.Run run = Cli.run(Map.of(), "--db", folder.resolve("demo.db").toString(), "demo");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(jarsNamedIn(run.out())).as(run.toString()).hasSize(9).containsOnly(JAR_FROM_THE_ROOT);
    }

    private static List<String> jarsNamedIn(String text) {
        Matcher command = JAR_COMMAND.matcher(text);
        List<String> jars = new java.util.ArrayList<>();
        while (command.find()) {
            jars.add(command.group(1));
        }
        return jars;
    }
}
