package dev.pcorders.adapter.persistence.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link SnapshotWriterChild} JVM the test steers line by line on stdin and stdout, and kills where it chooses. */
final class SnapshotWriterProcess {

    private final Process process;
    private final Path errors;
    private final BufferedReader out;
    private final Writer in;

    private SnapshotWriterProcess(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** A {@link SnapshotWriterChild} on {@code cache} (a file or a PostgreSQL URL), its stderr kept in {@code errors}. */
    static SnapshotWriterProcess start(String cache, Map<String, String> environment, Path errors, String... modeAndArguments)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true",
                "-cp", System.getProperty("java.class.path"), SnapshotWriterChild.class.getName(), cache));
        command.addAll(List.of(modeAndArguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().putAll(environment);
        return new SnapshotWriterProcess(builder.start(), errors);
    }

    Process process() {
        return process;
    }

    long run() throws IOException, InterruptedException {
        String line = next();
        if (!line.startsWith("run ")) {
            fail("expected the run id from the child, got " + line);
        }
        return Long.parseLong(line.substring(4));
    }

    void expect(String wanted) throws IOException, InterruptedException {
        assertThat(next()).isEqualTo(wanted);
    }

    void send(String command) throws IOException {
        in.write(command + "\n");
        in.flush();
    }

    /** SIGKILL, checked by the exit status: no shutdown hook, no rollback, no close runs in the child. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor()).as("exit status of the killed child").isEqualTo(KilledSyncTest.KILLED_BY_SIGKILL);
    }

    /** SIGKILL if it is still running; the exit status either way. */
    int killIfRunning() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    private String next() throws IOException, InterruptedException {
        String line = out.readLine();
        if (line == null) {
            int status = process.waitFor();
            fail("the child ended on its own with status " + status + ":\n" + Files.readString(errors));
        }
        return line;
    }
}
