package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.persistence.postgres.TestPostgres;
import dev.pcorders.sandbox.ReconciliationPlan;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --db jdbc:postgresql://...}: the same sync into a SQLite file and into a real PostgreSQL server, then every
 * reading command prints the same from both; the login comes from PC_ORDERS_DB_USER / PC_ORDERS_DB_PASSWORD and a
 * wrong one is a store error (exit 4) whose message names the database and never the password.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PostgresCacheEndToEndTest {

    private static final String TOKEN = "postgres-e2e-token";
    /**
     * The instants each sync stamps (its start, when it detected changes), of today or yesterday: the two syncs ran at
     * different moments. The sandbox's own dates (orders' creation) lie years back and are compared as they are.
     */
    private static final Pattern SYNC_TIMES = Pattern.compile("(" + LocalDate.now(ZoneOffset.UTC) + "|"
            + LocalDate.now(ZoneOffset.UTC).minusDays(1) + ")[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?");

    @TempDir
    static Path folder;

    private static SandboxServer sandbox;
    private static String postgresUrl;
    private static Path partnerLedger;

    @BeforeAll
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    static void syncTheSandboxIntoBothStores() throws IOException {
        postgresUrl = TestPostgres.shared().newDatabase();
        sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(4));
        // One customer at a time, so that both stores number their runs (which the change log shows) alike.
        for (String db : List.of(sqlite(), postgresUrl)) {
            Cli.Run sync = Cli.run(withLogin(Map.of("PC_ORDERS_ACCESS_TOKEN", TOKEN)), "--db", db, "sync", "--quiet",
                    "--all-customers", "--resources", "orders,subscriptions", "--include-price", "--max-concurrency", "1",
                    "--base-url", sandbox.baseUrl().toString());
            assertThat(sync.exitCode()).as("%s", sync).isZero();
        }
        partnerLedger = folder.resolve("partner-ledger.csv");
        sandbox.data().writePartnerLedgerCsv(partnerLedger, ReconciliationPlan.of(2, true).withSubscriptionCases(true));
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static String sqlite() {
        return folder.resolve("cache.db").toString();
    }

    private static Map<String, String> withLogin(Map<String, String> environment) {
        Map<String, String> withLogin = new HashMap<>(environment);
        withLogin.put("PC_ORDERS_DB_USER", TestPostgres.SUPERUSER);
        withLogin.put("PC_ORDERS_DB_PASSWORD", TestPostgres.PASSWORD);
        return withLogin;
    }

    private static Cli.Run run(String db, String... command) {
        List<String> args = new ArrayList<>(List.of("--db", db));
        args.addAll(List.of(command));
        return Cli.run(withLogin(Map.of()), args.toArray(String[]::new));
    }

    @Test
    void everyReadingCommandPrintsTheSameFromPostgresqlAsFromSqlite() {
        String someOrder = firstOrderId();
        List<List<String>> commands = List.of(
                List.of("orders", "list"),
                List.of("orders", "list", "--format", "json"),
                List.of("orders", "list", "--format", "csv"),
                List.of("orders", "show", someOrder, "--format", "json"),
                List.of("subscriptions", "list", "--format", "json"),
                List.of("customers", "list"),
                List.of("customers", "list", "--format", "json"),
                List.of("changes", "--format", "json"),
                List.of("changes", "--resource", "subscriptions", "--format", "csv"),
                List.of("reconcile", "--ledger", partnerLedger.toString(), "--format", "json"),
                List.of("reconcile", "--ledger", partnerLedger.toString()));
        for (List<String> command : commands) {
            Cli.Run fromSqlite = run(sqlite(), command.toArray(String[]::new));
            Cli.Run fromPostgres = run(postgresUrl, command.toArray(String[]::new));

            assertThat(fromSqlite.out()).as("%s printed something", command).isNotBlank();
            assertThat(fromPostgres.exitCode()).as("%s: %s", command, fromPostgres).isEqualTo(fromSqlite.exitCode());
            assertThat(withoutSyncTimes(fromPostgres.out())).as("%s", command).isEqualTo(withoutSyncTimes(fromSqlite.out()));
        }
    }

    @Test
    void aWrongPasswordIsAStoreErrorThatNamesTheDatabaseAndNeverThePassword() {
        String wrong = "not-the-password-" + Long.toHexString(System.nanoTime());
        Cli.Run run = Cli.run(Map.of("PC_ORDERS_DB_USER", TestPostgres.SUPERUSER, "PC_ORDERS_DB_PASSWORD", wrong),
                "--verbose", "--db", postgresUrl, "orders", "list");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(ExitCodes.STORAGE);
        assertThat(run.err()).contains("postgresql://127.0.0.1:" + TestPostgres.shared().port())
                .contains("refused the login").contains("PC_ORDERS_DB_PASSWORD");
        assertThat(run.out() + run.err()).doesNotContain(wrong).doesNotContain(TestPostgres.PASSWORD);
    }

    @Test
    void aPasswordInTheUrlIsNeverShownEither() {
        Cli.Run run = Cli.run(Map.of(), "--db", postgresUrl + "?user=" + TestPostgres.SUPERUSER + "&password=wrong-in-url-4711",
                "customers", "list");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(ExitCodes.STORAGE);
        assertThat(run.out() + run.err()).doesNotContain("wrong-in-url-4711");
    }

    @Test
    void aDatabaseOtherThanPostgresqlIsAUsageError() {
        Cli.Run run = Cli.run(Map.of(), "--db", "jdbc:mysql://localhost/cache", "orders", "list");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("jdbc:postgresql://");
    }

    private static String firstOrderId() {
        Cli.Run listed = run(sqlite(), "orders", "list", "--format", "csv");
        assertThat(listed.exitCode()).as("%s", listed).isZero();
        String firstRow = listed.out().lines().skip(1).findFirst().orElseThrow();
        List<String> header = List.of(listed.out().lines().findFirst().orElseThrow().split(","));
        return firstRow.split(",")[header.indexOf(header.stream().filter(name -> name.equalsIgnoreCase("orderId")
                || name.equalsIgnoreCase("order_id") || name.equalsIgnoreCase("id")).findFirst().orElseThrow())];
    }

    private static String withoutSyncTimes(String output) {
        return SYNC_TIMES.matcher(output).replaceAll("<time>");
    }
}
