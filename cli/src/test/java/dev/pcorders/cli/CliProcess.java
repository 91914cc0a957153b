package dev.pcorders.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command line in a JVM of its own, as {@code java -jar pc-orders.jar} runs it: with its own heap and exit code. */
final class CliProcess {

    /** What the child printed (stdout kept in a file: a listing may be megabytes) and how it ended. */
    record Ended(int exitCode, Path out, String err) {
        String outText() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }
    }

    private CliProcess() {
    }

    /**
     * Runs {@code PcOrdersCli.main} with the test class path, {@code jvmOptions} first. The wait only stops a hung child
     * from hanging the build; the caller's @Timeout is the real bound.
     */
    static Ended run(Path folder, List<String> prefix, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = command(prefix, jvmOptions, PcOrdersCli.class, args);
        Path out = Files.createTempFile(folder, "stdout", ".txt");
        Path err = Files.createTempFile(folder, "stderr", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        return new Ended(process.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * Starts {@code mainClass} (a command line of the tests' own, such as {@link StallingOrdersCli}) with the test class
     * path: its stdout and stdin are pipes for the test, its stderr goes to {@code stderr}, and ending it is the test's.
     */
    static Process start(Path stderr, List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        return new ProcessBuilder(command(List.of(), jvmOptions, mainClass, args)).redirectError(stderr.toFile()).start();
    }

    private static List<String> command(List<String> prefix, List<String> jvmOptions, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dorg.jooq.no-logo=true");
        command.add("-Dorg.jooq.no-tips=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }
}
