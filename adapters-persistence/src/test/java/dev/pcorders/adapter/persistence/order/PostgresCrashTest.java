package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.order.CrashSnapshots.CHANGED_BY_LARGE;
import static dev.pcorders.adapter.persistence.order.CrashSnapshots.LARGE;
import static dev.pcorders.adapter.persistence.order.CrashSnapshots.LINE_ITEMS;
import static dev.pcorders.adapter.persistence.order.CrashSnapshots.PER_PAGE;
import static dev.pcorders.adapter.persistence.order.CrashSnapshots.SCOPE;
import static dev.pcorders.adapter.persistence.order.CrashSnapshots.SMALL;
import static dev.pcorders.adapter.persistence.order.StoreFiles.single;
import static dev.pcorders.adapter.persistence.order.StoreFiles.sync;
import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pcorders.adapter.persistence.postgres.PostgresLocation;
import dev.pcorders.adapter.persistence.postgres.PostgresStoreSettings;
import dev.pcorders.adapter.persistence.postgres.TestPostgres;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.domain.order.OrderCriteria;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL cache when things break mid-snapshot: a writer killed with SIGKILL leaves the previous snapshot whole
 * and its snapshot lock free for the next writer; a server restarted under a sync fails that sync with a typed store
 * failure, and the next sync on the same store succeeds. Kills and stops land on the child's or the iterator's own
 * reports of where it is, never on a timer.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PostgresCrashTest {

    private static final int LARGE_PAGES = LARGE / PER_PAGE;
    private static final List<String> TABLES = List.of("sync_scope", "stored_order", "line_item", "provisioning_entry",
            "resource_link", "link_header", "order_change");
    /** Short, so that a lock the killed writer kept would fail the next sync within the test's time. */
    private static final PostgresStoreSettings SETTINGS = PostgresStoreSettings.defaults().withLockWait(Duration.ofSeconds(60));

    @TempDir
    Path folder;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killEveryChild() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor();
        }
    }

    private static PostgresLocation location(String url) {
        return PostgresLocation.of(url, Optional.of(TestPostgres.SUPERUSER), Optional.of(TestPostgres.PASSWORD));
    }

    @Test
    void aWriterKilledMidSnapshotLeavesThePreviousSnapshotWholeAndItsLockFree() throws Exception {
        TestPostgres server = TestPostgres.shared();
        String url = server.newDatabase();
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (CacheStore store = CacheStore.open(location(url), SETTINGS)) {
            assertThat(sync(store.cache(), SCOPE, CrashSnapshots.pages(SMALL, 1, CrashSnapshots.PageListener.NONE)).items())
                    .isEqualTo(SMALL);
        }
        Map<String, String> rowsBefore = rowCounts(server, database);

        SnapshotWriterProcess child = SnapshotWriterProcess.start(url, Map.of("PC_ORDERS_DB_USER", TestPostgres.SUPERUSER,
                "PC_ORDERS_DB_PASSWORD", TestPostgres.PASSWORD), folder.resolve("child.err"), "gated");
        children.add(child.process());
        long run = child.run();
        for (int written = 1; written < 10; written++) {
            child.expect("written " + written);
            child.send("go");
        }
        child.expect("written 10");

        child.kill();

        try (Connection connection = server.connect(database)) {
            assertThat(single(connection, "SELECT count(*) FROM stored_order WHERE stored_by_run = " + run
                    + " OR removed_by_run = " + run)).isEqualTo("0");
            assertThat(single(connection, "SELECT count(*) FROM order_change WHERE run_id = " + run)).isEqualTo("0");
            assertThat(single(connection, "SELECT snapshot_stored || '|' || coalesce(finished_at, 'null') FROM sync_run"
                    + " WHERE run_id = " + run)).isEqualTo("false|null");
        }
        assertThat(rowCounts(server, database)).as("rows per table").isEqualTo(rowsBefore);
        try (CacheStore store = CacheStore.open(location(url), SETTINGS)) {
            assertThat(StoreFiles.ordersOf(store.orders().findOrders(OrderCriteria.ALL.withCustomer(CUSTOMER), 0, LARGE)))
                    .containsExactlyElementsOf(CrashSnapshots.snapshot(SMALL, 1));

            // The server ended the killed writer's session, and with it the transaction's snapshot lock.
            SnapshotSummary next = sync(store.cache(), SCOPE, CrashSnapshots.pages(LARGE, 2, CrashSnapshots.PageListener.NONE));

            assertThat(next).isEqualTo(new SnapshotSummary(LARGE_PAGES, LARGE, (long) LARGE * LINE_ITEMS, LARGE - SMALL,
                    CHANGED_BY_LARGE, 0));
            assertThat(store.orders().countOrders(OrderCriteria.ALL)).isEqualTo(LARGE);
        }
    }

    @Test
    void aServerRestartedMidSnapshotFailsThatSyncAsUnreachableAndTheNextSyncSucceeds() throws Exception {
        try (TestPostgres server = TestPostgres.startNew()) {
            String url = server.newDatabase();
            try (CacheStore store = CacheStore.open(location(url), SETTINGS)) {
                sync(store.cache(), SCOPE, CrashSnapshots.pages(SMALL, 1, CrashSnapshots.PageListener.NONE));

                StoreException failure = catchThrowableOfType(() -> sync(store.cache(), SCOPE,
                        CrashSnapshots.pages(LARGE, 2, new CrashSnapshots.PageListener() {
                            @Override
                            public void beforePage(int pageNumber) {
                                if (pageNumber == 5) {
                                    server.stop();
                                }
                            }

                            @Override
                            public void beforeEnd(int pages) {
                            }
                        })), StoreException.class);

                assertThat(failure).as("the sync failed as a store failure").isNotNull();
                assertThat(failure.reason()).isEqualTo(StoreException.Reason.UNREACHABLE);
                assertThat(failure.getMessage()).contains("postgresql://127.0.0.1:" + server.port())
                        .doesNotContain(TestPostgres.PASSWORD);

                server.start();

                SnapshotSummary next = sync(store.cache(), SCOPE, CrashSnapshots.pages(LARGE, 2,
                        CrashSnapshots.PageListener.NONE));
                assertThat(next.items()).isEqualTo(LARGE);
                assertThat(next.added()).as("compared with the small snapshot, which the failed sync left whole")
                        .isEqualTo(LARGE - SMALL);
                assertThat(StoreFiles.ordersOf(store.orders().findOrders(OrderCriteria.ALL.withCustomer(CUSTOMER), 0, 3)))
                        .containsExactlyElementsOf(CrashSnapshots.snapshot(3, 2));
            }
        }
    }

    private static Map<String, String> rowCounts(TestPostgres server, String database) throws SQLException {
        Map<String, String> counts = new LinkedHashMap<>();
        try (Connection connection = server.connect(database)) {
            for (String table : TABLES) {
                counts.put(table, single(connection, "SELECT count(*) FROM " + table));
            }
        }
        return counts;
    }
}
