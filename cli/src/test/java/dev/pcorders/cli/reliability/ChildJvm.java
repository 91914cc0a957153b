package dev.pcorders.cli.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM running a main class of these tests on the test class path. Its stdout is read line by
 * line on a thread of its own, so the test can wait for the next line without blocking on a child that
 * hangs; its stderr goes to a file the test can quote when something went wrong.
 */
final class ChildJvm implements AutoCloseable {

    /** A line that never comes: the child ended (or the guard ran out) before printing what was awaited. */
    static final String ENDED = "\u0000ended";

    private final Process process;
    private final Path stderr;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::pump, "child-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(Class<?> main, Path stderr, String... args) throws IOException {
        return start(main, stderr, Map.of(), args);
    }

    /** As {@link #start(Class, Path, String...)}, with {@code environment} added to the child's (the command line's credentials). */
    static ChildJvm start(Class<?> main, Path stderr, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        // Children live for seconds: the quick compiler and a single-threaded collector start faster.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        // The command line's own logging (WARN, to stderr): logback's default would be DEBUG on stdout.
        command.add("-Dlogback.configurationFile=pc-orders-cli-logback.xml");
        command.add("-Dorg.jooq.no-logo=true");
        command.add("-Dorg.jooq.no-tips=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        return new ChildJvm(process, stderr);
    }

    private void pump() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException closed) {
            // The child was killed while a line was on its way: what came before is all there is.
        } finally {
            lines.add(ENDED);
        }
    }

    /**
     * The next stdout line, or {@link #ENDED} once the child has ended. {@code guard} only stops a test
     * from hanging on a child that hangs; it is far longer than any line takes.
     */
    String nextLine(Duration guard) throws InterruptedException {
        String line = lines.poll(guard.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null || line.equals(ENDED)) {
            lines.add(ENDED);
            return ENDED;
        }
        seen.add(line);
        return line;
    }

    /** Waits for the child to end by itself; kills it if the guard runs out. */
    int waitFor(Duration guard) throws InterruptedException {
        if (!process.waitFor(guard.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            return -1;
        }
        return process.exitValue();
    }

    /** SIGKILL, and wait until the process is gone so its file handles are released. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What the child said so far and its stderr, for assertion messages. */
    String transcript() {
        String errors;
        try {
            errors = java.nio.file.Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            errors = "(stderr unreadable: " + e.getMessage() + ")";
        }
        if (errors.length() > 4000) {
            errors = errors.substring(0, 4000) + "...";
        }
        return "stdout: " + seen + "\nstderr: " + errors;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
