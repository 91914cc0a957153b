package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.persistence.postgres.TestPostgres;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pc-orders migrate --from FILE --to jdbc:postgresql://...}: everything a SQLite cache holds, runs and changes
 * included, reads back the same from PostgreSQL; a second migrate copies nothing; syncing on into PostgreSQL works
 * (its ids continue after the copied ones); another cache's file is refused and leaves the database as it was.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MigrateCliTest {

    private static final String TOKEN = "migrate-token";

    @TempDir
    Path folder;

    private static Map<String, String> login(String... more) {
        Map<String, String> environment = new HashMap<>(Map.of("PC_ORDERS_DB_USER", TestPostgres.SUPERUSER,
                "PC_ORDERS_DB_PASSWORD", TestPostgres.PASSWORD));
        for (int i = 0; i < more.length; i += 2) {
            environment.put(more[i], more[i + 1]);
        }
        return environment;
    }

    private static Cli.Run sync(SandboxServer sandbox, String db) {
        return Cli.run(login("PC_ORDERS_ACCESS_TOKEN", TOKEN), "--db", db, "sync", "--quiet", "--all-customers",
                "--resources", "orders,subscriptions", "--include-price", "--max-concurrency", "1",
                "--base-url", sandbox.baseUrl().toString());
    }

    @Test
    void everythingTheFileHoldsReadsBackTheSameFromPostgresqlAndSyncingGoesOnThere() throws SQLException {
        String file = folder.resolve("cache.db").toString();
        String url = TestPostgres.shared().newDatabase();
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(3))) {
            assertThat(sync(sandbox, file).exitCode()).isZero();
            assertThat(sync(sandbox, file).exitCode()).isZero();

            Cli.Run migrated = Cli.run(login(), "migrate", "--from", file, "--to", url);

            assertThat(migrated.exitCode()).as("%s", migrated).isZero();
            assertThat(migrated.out()).contains("stored_order").contains("sync_run").contains("subscription_change")
                    .contains("every table holds as many rows as the file");
            for (List<String> command : List.of(List.of("orders", "list", "--format", "json"),
                    List.of("changes", "--format", "json"), List.of("changes", "--resource", "customers"),
                    List.of("subscriptions", "list", "--format", "csv"), List.of("customers", "list", "--format", "json"))) {
                Cli.Run fromFile = Cli.run(login(), concat("--db", file, command));
                Cli.Run fromPostgres = Cli.run(login(), concat("--db", url, command));
                assertThat(fromFile.exitCode()).as("%s", fromFile).isZero();
                assertThat(fromPostgres.out()).as("%s", command).isEqualTo(fromFile.out()).isNotBlank();
            }

            Cli.Run again = Cli.run(login(), "migrate", "--from", file, "--to", url);
            assertThat(again.exitCode()).as("%s", again).isZero();
            assertThat(again.out()).contains("Copied 0 row(s)").contains("it had been copied before");

            long lastCopiedRun = maxRunId(url);
            Cli.Run syncedOn = sync(sandbox, url);
            assertThat(syncedOn.exitCode()).as("%s", syncedOn).isZero();
            assertThat(maxRunId(url)).as("new runs number on after the copied ones").isGreaterThan(lastCopiedRun);
        }
    }

    @Test
    void anotherCachesFileIsRefusedAndTheDatabaseStaysAsItWas() throws SQLException {
        String url = TestPostgres.shared().newDatabase();
        String first = folder.resolve("first.db").toString();
        String second = folder.resolve("second.db").toString();
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(2))) {
            assertThat(sync(sandbox, first).exitCode()).isZero();
            assertThat(sync(sandbox, second).exitCode()).isZero();
        }
        assertThat(Cli.run(login(), "migrate", "--from", first, "--to", url).exitCode()).isZero();
        long runs = maxRunId(url);

        Cli.Run refused = Cli.run(login(), "migrate", "--from", second, "--to", url);

        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(ExitCodes.STORAGE);
        assertThat(refused.err()).contains("another cache").contains("second.db").doesNotContain(TestPostgres.PASSWORD);
        assertThat(maxRunId(url)).isEqualTo(runs);
    }

    @Test
    void aTargetThatIsNotPostgresqlIsAUsageError() {
        Cli.Run run = Cli.run(Map.of(), "migrate", "--from", folder.resolve("x.db").toString(), "--to",
                folder.resolve("y.db").toString());

        assertThat(run.exitCode()).as("%s", run).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("jdbc:postgresql://");
    }

    private static String[] concat(String flag, String value, List<String> command) {
        List<String> args = new java.util.ArrayList<>(List.of(flag, value));
        args.addAll(command);
        return args.toArray(String[]::new);
    }

    private static long maxRunId(String url) throws SQLException {
        try (Connection connection = TestPostgres.shared().connect(url.substring(url.lastIndexOf('/') + 1));
             Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("SELECT coalesce(max(run_id), 0) FROM sync_run")) {
            max.next();
            return max.getLong(1);
        }
    }
}
