package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cache written by the previous release (main 657b92f, schema V3) prints exactly what that release printed for it:
 * {@code orders list}, {@code orders show}, {@code changes} and {@code reconcile}, in every format, with the same exit
 * code. The golden outputs and the ledger of commands ({@code exit-codes.txt}) are in {@code fixtures/cache-v3/}; its
 * README ({@code adapters-persistence/src/test/resources/fixtures/cache/README.md}) says how they were captured: each
 * command in a scratch folder holding a fresh copy of the cache named {@code schema-v3-main-657b92f.db} and the ledger
 * as {@code invoice-reconciliation.csv}, both named by relative path, {@code PC_ORDERS_DB} unset. This test does the
 * same, in a JVM of its own whose working folder is that scratch folder, so the relative paths resolve as they did.
 * Whatever a later schema migration (V4) does to the file on open, these outputs must not change.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CacheFromPreviousReleaseCliTest {

    private static final String FIXTURES = "/fixtures/cache-v3/";
    private static final String DATABASE = "schema-v3-main-657b92f.db";
    private static final String LEDGER = "invoice-reconciliation.csv";
    private static final String LEDGER_OF_COMMANDS = "exit-codes.txt";

    /** One line of {@code exit-codes.txt}: golden name, exit code, then {@code pc-orders} and its arguments. */
    record Golden(String name, int exitCode, List<String> arguments) {
        static Golden parse(String line) {
            List<String> words = Arrays.asList(line.strip().split(" +"));
            assertThat(words.size()).as(line).isGreaterThan(3);
            assertThat(words.get(2)).as(line).isEqualTo("pc-orders");
            return new Golden(words.get(0), Integer.parseInt(words.get(1)), List.copyOf(words.subList(3, words.size())));
        }

        @Override
        public String toString() {
            return name + " (pc-orders " + String.join(" ", arguments) + ")";
        }
    }

    @TempDir
    Path folder;

    static Stream<Golden> goldens() {
        return new String(fixture(LEDGER_OF_COMMANDS), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank())
                .map(Golden::parse);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void printsWhatThePreviousReleasePrinted(Golden golden) throws IOException, InterruptedException {
        Path scratch = Files.createDirectory(folder.resolve("scratch"));
        Files.write(scratch.resolve(DATABASE), fixture(DATABASE));
        Files.write(scratch.resolve(LEDGER), fixture(LEDGER));
        Path captured = Files.createDirectory(folder.resolve("captured"));

        Ended run = runIn(scratch, captured, golden.arguments());

        String expectedErr = optionalFixture(golden.name() + ".stderr.txt")
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse("");
        assertThat(run.err()).as("stderr of %s", golden).isEqualTo(expectedErr);
        byte[] expectedOut = fixture(golden.name() + ".txt");
        // The text first, for a readable difference; then the bytes, which is what is promised.
        assertThat(new String(run.out(), StandardCharsets.UTF_8)).as("stdout of %s", golden)
                .isEqualTo(new String(expectedOut, StandardCharsets.UTF_8));
        assertThat(run.out()).as("stdout bytes of %s", golden).isEqualTo(expectedOut);
        assertThat(run.exitCode()).as("exit code of %s; stderr: %s", golden, run.err()).isEqualTo(golden.exitCode());
    }

    /** Every golden output is checked: none is in the folder without a line in exit-codes.txt, and none is missing. */
    @Test
    void everyGoldenOutputHasItsCommand() throws IOException, URISyntaxException {
        Path fixtures = Path.of(CacheFromPreviousReleaseCliTest.class.getResource(FIXTURES + LEDGER_OF_COMMANDS).toURI())
                .getParent();
        List<String> outputs;
        try (Stream<Path> files = Files.list(fixtures)) {
            outputs = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".txt") && !name.equals(LEDGER_OF_COMMANDS))
                    .sorted()
                    .toList();
        }
        List<String> named = new ArrayList<>();
        goldens().forEach(golden -> {
            named.add(golden.name() + ".txt");
            optionalFixture(golden.name() + ".stderr.txt").ifPresent(stderr -> named.add(golden.name() + ".stderr.txt"));
        });
        assertThat(outputs).containsExactlyInAnyOrderElementsOf(named);
        assertThat(named).hasSize(12);
    }

    record Ended(int exitCode, byte[] out, String err) {
    }

    /**
     * {@code java -jar pc-orders.jar ARGS} as the goldens were captured, but through {@code PcOrdersCli.main} on the test
     * class path (the shaded jar is only built after the tests): working folder {@code scratch}, no {@code PC_ORDERS_*}
     * variable from the environment the build runs in, stdin closed, stdout and stderr to files outside {@code scratch}.
     */
    private static Ended runIn(Path scratch, Path captured, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dorg.jooq.no-logo=true");
        command.add("-Dorg.jooq.no-tips=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PcOrdersCli.class.getName());
        command.addAll(arguments);
        Path out = captured.resolve("stdout.txt");
        Path err = captured.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("PC_ORDERS_"));
        // The goldens were captured with a UTF-8 locale (the JSON holds currency symbols); Java 17 writes in the locale's.
        environment.put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        process.getOutputStream().close();
        // Only stops a hung child from outliving the test; the class's @Timeout is the real bound.
        if (!process.waitFor(110, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return new Ended(process.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static byte[] fixture(String name) {
        return optionalFixture(name).orElseThrow(() -> new AssertionError("no fixture " + FIXTURES + name + " on the class path"));
    }

    private static Optional<byte[]> optionalFixture(String name) {
        try (InputStream in = CacheFromPreviousReleaseCliTest.class.getResourceAsStream(FIXTURES + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
