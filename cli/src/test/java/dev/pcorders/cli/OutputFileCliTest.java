package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.sandbox.ReconciliationPlan;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --output FILE [--force]} on every command that prints a listing or a report: the file holds exactly what
 * stdout would have, an existing file is never replaced without {@code --force}, and nothing is left behind on failure.
 */
@Timeout(300)
class OutputFileCliTest {

    private static final Map<String, String> WITH_TOKEN = Map.of("PC_ORDERS_ACCESS_TOKEN", "output-file-test-token");

    @TempDir
    static Path cacheFolder;

    private static SandboxServer sandbox;
    private static Path ledger;

    @TempDir
    Path folder;

    @BeforeAll
    // A class-level @Timeout covers the tests, not @BeforeAll: a sandbox or browser that hangs would hang the build.
    @Timeout(300)
    static void syncTheSandbox() throws IOException {
        sandbox = Sandbox.start(SandboxSettings.defaults());
        Cli.Run sync = Cli.run(WITH_TOKEN, "--db", db(), "sync", "--quiet", "--all-customers", "--resources",
                "orders,subscriptions", "--include-price", "--base-url", sandbox.baseUrl().toString());
        assertThat(sync.exitCode()).as("%s", sync).isZero();
        ledger = cacheFolder.resolve("ledger.csv");
        sandbox.data().writeReconciliationCsv(ledger, ReconciliationPlan.of(1, true));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static String db() {
        return cacheFolder.resolve("cache.db").toString();
    }

    /** Each command that takes --output, in each format it prints, with the exit code it gives on the sandbox's data. */
    static Stream<List<String>> commands() {
        List<List<String>> commands = new ArrayList<>();
        for (String format : List.of("table", "json", "csv")) {
            commands.add(List.of("orders", "list", "--format", format));
            commands.add(List.of("subscriptions", "list", "--format", format));
            commands.add(List.of("customers", "list", "--format", format));
            commands.add(List.of("changes", "--format", format));
            commands.add(List.of("changes", "--resource", "subscriptions", "--format", format));
            commands.add(List.of("changes", "--resource", "customers", "--format", format));
            commands.add(List.of("reconcile", "--ledger", "LEDGER", "--format", format));
        }
        return commands.stream();
    }

    private static Cli.Run run(List<String> command, String... extra) {
        List<String> args = new ArrayList<>(List.of("--db", db()));
        command.forEach(arg -> args.add(arg.equals("LEDGER") ? ledger.toString() : arg));
        args.addAll(List.of(extra));
        return Cli.run(Map.of(), args.toArray(String[]::new));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void theFileHoldsWhatStdoutWouldAndStdoutStaysEmpty(List<String> command) throws IOException {
        Cli.Run printed = run(command);
        Path file = folder.resolve("report.txt");

        Cli.Run written = run(command, "--output", file.toString());

        assertThat(written.exitCode()).as("%s", written).isEqualTo(printed.exitCode()).isIn(0, 1);
        assertThat(written.out()).isEmpty();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isNotEmpty().isEqualTo(printed.out());
        assertThat(onlyFileIn(folder)).isEqualTo(file);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void anExistingFileIsRefusedAndLeftAsItWas(List<String> command) throws IOException {
        Path file = folder.resolve("report.txt");
        Files.writeString(file, "last month's report\n");
        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, written);

        Cli.Run refused = run(command, "--output", file.toString());

        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains(file.toString()).contains("already exists").contains("--force");
        assertThat(refused.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("last month's report\n");
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
        assertThat(onlyFileIn(folder)).isEqualTo(file);
    }

    @Test
    void forceReplacesTheFile() throws IOException {
        Path file = folder.resolve("orders.json");
        Files.writeString(file, "old");
        Cli.Run printed = run(List.of("orders", "list", "--format", "json"));

        Cli.Run replaced = run(List.of("orders", "list", "--format", "json"), "--output", file.toString(), "--force");

        assertThat(replaced.exitCode()).as("%s", replaced).isZero();
        assertThat(Files.readString(file)).isEqualTo(printed.out());
        assertThat(onlyFileIn(folder)).isEqualTo(file);
    }

    @Test
    void aFailingCommandLeavesNoFile() throws IOException {
        Path file = folder.resolve("orders.json");
        // No cache at that path: exit 4, and no report file, not even an empty one.
        Cli.Run failed = Cli.run(Map.of(), "--db", folder.resolve("missing.db").toString(), "orders", "list",
                "--output", file.toString());

        assertThat(failed.exitCode()).as("%s", failed).isEqualTo(ExitCodes.STORAGE);
        assertThat(file).doesNotExist();
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
    }

    /**
     * Ctrl-C or SIGTERM ends the JVM without running any {@code finally} block: the shutdown removes the report's
     * temporary file and POI's streamed rows. The child stalls after reading the cache, mid-report, until it is ended.
     */
    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    @Timeout(120)
    void aRunEndedBySigtermMidReportLeavesNoTemporaryFile(String format) throws IOException, InterruptedException {
        Path javaTmp = Files.createDirectories(folder.resolve("java-tmp"));
        Path reports = Files.createDirectories(folder.resolve("reports"));
        Path file = reports.resolve("orders." + format);
        Process child = CliProcess.start(folder.resolve("stderr.txt"), List.of("-Djava.io.tmpdir=" + javaTmp),
                StallingOrdersCli.class, "--db", db(), "orders", "list", "--format", format, "--output", file.toString());
        try {
            // The event: every order read, the report still being written.
            assertThat(child.inputReader().readLine()).isEqualTo(StallingOrdersCli.STALLED);
            try (Stream<Path> files = Files.list(reports)) {
                assertThat(files.map(Path::getFileName).map(Path::toString).toList()).singleElement()
                        .satisfies(name -> assertThat(name).startsWith(".orders." + format + ".").endsWith(".tmp"));
            }
            if (format.equals("xlsx")) {
                assertThat(namesUnder(javaTmp)).anyMatch(name -> name.startsWith("poi-sxssf-sheet"));
            }

            child.destroy();

            assertThat(child.waitFor()).as("ended by SIGTERM").isEqualTo(128 + 15);
        } finally {
            child.destroyForcibly();
        }
        assertThat(Files.readString(folder.resolve("stderr.txt"))).doesNotContain("Exception");
        try (Stream<Path> left = Files.list(reports)) {
            assertThat(left).as("neither the report nor its temporary file").isEmpty();
        }
        assertThat(namesUnder(javaTmp)).as("POI's temporary files and their folder")
                .noneMatch(name -> name.startsWith("poi") || name.startsWith("pc-orders"));
    }

    private static List<String> namesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(path -> !path.equals(folder)).map(path -> path.getFileName().toString()).toList();
        }
    }

    /**
     * The cache read fails after two orders, while the report is being written (its temporary file exists): exit 4, and
     * neither the report nor its temporary file is left.
     */
    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx", "json"})
    void aCacheReadFailingPartWayThroughTheReportLeavesNoFile(String format) throws IOException {
        Path file = folder.resolve("orders." + format);
        List<String> seenWhileWriting = new ArrayList<>();
        int[] handedOver = {0};
        StringWriter err = new StringWriter();

        int exitCode = PcOrdersCli.run(new String[] {"--db", db(), "orders", "list", "--format", format, "--output",
                file.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), Map.of(),
                (database, environment) -> OrdersReadWrapped.wrap(new EnvironmentCliServices(database, environment),
                        (criteria, action, real) -> real.forEachCachedOrder(criteria, order -> {
                            if (handedOver[0] == 2) {
                                try (Stream<Path> files = Files.list(folder)) {
                                    files.map(path -> path.getFileName().toString()).forEach(seenWhileWriting::add);
                                } catch (IOException unreadable) {
                                    throw new java.io.UncheckedIOException(unreadable);
                                }
                                throw new StoreException(StoreException.Reason.CORRUPT, "disk I/O error after two orders");
                            }
                            action.accept(order);
                            handedOver[0]++;
                        })));

        assertThat(exitCode).as("%s", err).isEqualTo(ExitCodes.STORAGE);
        assertThat(err.toString()).contains("disk I/O error after two orders");
        assertThat(handedOver[0]).isEqualTo(2);
        assertThat(seenWhileWriting).as("the report was being written").singleElement()
                .satisfies(name -> assertThat(name).startsWith(".orders." + format + ".").endsWith(".tmp"));
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).as("neither the report nor its temporary file").isEmpty();
        }
    }

    @Test
    void forceWithoutOutputAndAMissingFolderAreUsageErrors() {
        Cli.Run forceAlone = run(List.of("orders", "list"), "--force");
        assertThat(forceAlone.exitCode()).as("%s", forceAlone).isEqualTo(ExitCodes.USAGE);
        assertThat(forceAlone.err()).contains("--force").contains("--output");

        Path nowhere = folder.resolve("no-such-folder").resolve("orders.csv");
        Cli.Run missingFolder = run(List.of("orders", "list", "--format", "csv"), "--output", nowhere.toString());
        assertThat(missingFolder.exitCode()).as("%s", missingFolder).isEqualTo(ExitCodes.USAGE);
        assertThat(missingFolder.err()).contains("does not exist");
        assertThat(nowhere.getParent()).doesNotExist();
    }

    @Test
    void aMissingFolderIsRefusedBeforeAnyWork() {
        Path nowhere = folder.resolve("no-such-folder").resolve("orders.csv");
        // No cache at --db either: the folder is checked first, so this is exit 2, not the cache's exit 4.
        Cli.Run refused = Cli.run(Map.of(), "--db", folder.resolve("missing.db").toString(), "orders", "list",
                "--format", "csv", "--output", nowhere.toString());

        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("--output " + nowhere + ": folder " + nowhere.getParent() + " does not exist");
        assertThat(nowhere.getParent()).doesNotExist();
        assertThat(folder.resolve("missing.db")).doesNotExist();
    }

    @Test
    void aFormatACommandDoesNotPrintIsAUsageErrorNamingTheOnesItDoes() {
        Cli.Run html = run(List.of("orders", "list", "--format", "html"));
        assertThat(html.exitCode()).as("%s", html).isEqualTo(ExitCodes.USAGE);
        assertThat(html.err()).contains("orders list does not print html").contains("table, json, csv");
    }

    private static Path onlyFileIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertThat(all).as("files in %s (a temporary file left behind?)", folder).hasSize(1);
            return all.get(0);
        }
    }
}
