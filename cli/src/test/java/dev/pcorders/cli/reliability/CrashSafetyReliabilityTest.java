package dev.pcorders.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.http.auth.StaticAccessTokenProvider;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.application.order.port.in.CustomerSyncResult;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.bootstrap.PcOrders;
import dev.pcorders.cli.reliability.CacheFile.Holding;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync killed with SIGKILL at any point leaves SQLite intact and the customer's scope holding its
 * previous snapshot or its new one, whole; the next sync then succeeds. The child prints a line per page
 * request and per clock read, so each kill lands at a chosen page of a large paged sync, or between the
 * snapshot's commit and the run's end, or after the sync returned: chosen points, not guessed sleeps.
 */
class CrashSafetyReliabilityTest {

    // About twenty pages whatever the size, so twenty kills land on twenty different pages.
    private static final int PAGES = 20;
    private static final int SMALL_ORDERS = 60;
    // The sync reads its clock when it starts a run and when it records it finished, right after the commit.
    private static final int CLOCK_READ_AFTER_COMMIT = 2;
    // Only stops a hung child from hanging the build; a page takes a fraction of this.
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    @Test
    void aSyncKilledAtAnyPageLeavesThePreviousOrTheNewSnapshotAndTheNextSyncSucceeds() throws Exception {
        int kills = Soak.kills();
        int pageSize = Math.max(100, Soak.orders() / PAGES);
        SandboxSettings large = SandboxSettings.defaults().withCustomers(1).withOrdersPerCustomer(Soak.orders())
                .withPageSize(pageSize);
        try (SandboxServer big = Sandbox.start(large);
             SandboxServer small = Sandbox.start(large.withOrdersPerCustomer(SMALL_ORDERS).withPageSize(0))) {
            String customer = big.customerIds().get(0);
            assertThat(small.customerIds()).as("same seed, same customer").containsExactly(customer);
            long bigOrders = CacheFile.servedOrders(big.data(), customer);
            long smallOrders = CacheFile.servedOrders(small.data(), customer);
            int pages = (int) ((bigOrders + pageSize - 1) / pageSize);
            Path database = folder.resolve("crash.db");

            Holding previous = syncWhole(small, database, customer, smallOrders);
            int keptPrevious = 0;
            int tookNew = 0;
            long rowsChecked = 0;
            for (int kill = 0; kill < kills; kill++) {
                // Pages 1 .. pages, then "committed, not yet recorded as finished", then "returned", spread over the
                // kills from the first point to the last.
                int points = pages + 2;
                int point = kills == 1 ? 0 : (int) ((long) kill * (points - 1) / (kills - 1));
                String awaited = point < pages ? "page " + (point + 1)
                        : point == pages ? "clock " + CLOCK_READ_AFTER_COMMIT : "done stored " + bigOrders;
                try (ChildJvm child = ChildJvm.start(SyncChild.class, folder.resolve("child-" + kill + ".err"),
                        big.baseUrl().toString(), database.toString(), "1", customer)) {
                    String line;
                    do {
                        line = child.nextLine(HANG_GUARD);
                    } while (!line.equals(awaited) && !line.equals(ChildJvm.ENDED));
                    assertThat(line).as("kill %d waits for '%s'\n%s", kill, awaited, child.transcript()).isEqualTo(awaited);
                    child.kill();
                }

                assertThat(CacheFile.integrity(database)).as("integrity after kill %d at %s", kill, awaited).isEqualTo("ok");
                List<Holding> holdings = CacheFile.holdings(database, customer);
                assertThat(holdings).as("kill %d at %s: one run's orders only", kill, awaited).hasSize(1);
                Holding now = holdings.get(0);
                assertThat(now.snapshotStored()).isTrue();
                if (now.run() == previous.run()) {
                    assertThat(now.orders()).as("previous snapshot after kill %d", kill).isEqualTo(previous.orders());
                    keptPrevious++;
                } else {
                    assertThat(now.run()).isGreaterThan(previous.run());
                    assertThat(now.orders()).as("new snapshot after kill %d", kill).isEqualTo(bigOrders);
                    tookNew++;
                }
                rowsChecked += now.orders();
                previous = syncWhole(small, database, customer, smallOrders);
                rowsChecked += previous.orders();
            }
            Holding last = syncWhole(big, database, customer, bigOrders);
            assertThat(CacheFile.integrity(database)).isEqualTo("ok");
            rowsChecked += last.orders();

            assertThat(keptPrevious + tookNew).isEqualTo(kills);
            assertThat(keptPrevious).as("kills that landed before the commit").isPositive();
            assertThat(tookNew).as("kills that landed after the commit").isPositive();
            ReliabilityFigures.record("crash.kills", kills);
            ReliabilityFigures.record("crash.kept-previous", keptPrevious);
            ReliabilityFigures.record("crash.took-new", tookNew);
            ReliabilityFigures.record("crash.orders-per-sync", bigOrders);
            ReliabilityFigures.record("crash.pages-per-sync", pages);
            ReliabilityFigures.record("crash.rows-checked", rowsChecked);
        }
    }

    /** A sync in this JVM that must store the whole snapshot; what the scope then holds. */
    private static Holding syncWhole(SandboxServer server, Path database, String customer, long expected) throws Exception {
        try (PcOrders pcOrders = PcOrders.builder()
                .partnerCenter(PartnerCenterClientSettings.defaults().withBaseUrl(server.baseUrl()))
                .accessTokenProvider(new StaticAccessTokenProvider("parent-token"))
                .database(database)
                .build()) {
            CustomerSyncResult result = pcOrders.syncOrders().syncOrders(SyncOrdersCommand.of(CustomerId.parse(customer)))
                    .customers().get(0);
            assertThat(result).as("the sync after a kill").isInstanceOf(CustomerSyncResult.Succeeded.class);
            assertThat(((CustomerSyncResult.Succeeded) result).orders()).isEqualTo(expected);
        }
        List<Holding> holdings = CacheFile.holdings(database, customer);
        assertThat(holdings).hasSize(1);
        assertThat(holdings.get(0).orders()).isEqualTo(expected);
        return holdings.get(0);
    }
}
