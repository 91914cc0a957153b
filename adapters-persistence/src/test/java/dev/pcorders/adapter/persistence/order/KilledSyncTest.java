package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.order.CrashSnapshots.CHANGED_BY_LARGE;
import static dev.pcorders.adapter.persistence.order.CrashSnapshots.LARGE;
import static dev.pcorders.adapter.persistence.order.CrashSnapshots.LINE_ITEMS;
import static dev.pcorders.adapter.persistence.order.CrashSnapshots.PER_PAGE;
import static dev.pcorders.adapter.persistence.order.CrashSnapshots.SCOPE;
import static dev.pcorders.adapter.persistence.order.CrashSnapshots.SMALL;
import static dev.pcorders.adapter.persistence.order.StoreFiles.query;
import static dev.pcorders.adapter.persistence.order.StoreFiles.single;
import static dev.pcorders.adapter.persistence.order.StoreFiles.sync;
import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.shared.SyncRunId;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteDataSource;

/**
 * A sync killed with SIGKILL in another JVM, at chosen points of its snapshot transaction, must leave
 * the file intact and the scope holding exactly its previous snapshot; the next sync must succeed.
 * The child reports each page it has written and the test kills it on a report, so where the kill
 * lands never depends on timing. The child cannot commit until the test allows it (see
 * {@link SnapshotWriterChild}), so a kill before that point is always a kill mid-transaction.
 */
// A guard against a child that hangs the build, not a speed check: in its own thread so @AfterEach still kills the child.
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KilledSyncTest {

    /** What Process.exitValue() reports for a process ended by signal 9 (128 + 9); SIGTERM would give 143. */
    static final int KILLED_BY_SIGKILL = 137;
    private static final int LARGE_PAGES = LARGE / PER_PAGE;
    private static final List<String> TABLES = List.of("sync_scope", "stored_order", "line_item", "provisioning_entry",
            "resource_link", "link_header", "order_change");

    @TempDir
    Path folder;

    private final List<Process> children = new ArrayList<>();
    private Path file;
    private Map<String, String> rowsBefore;

    @BeforeEach
    void commitTheSmallSnapshot() throws SQLException {
        file = folder.resolve("orders.db");
        try (CacheStore store = CacheStore.open(file, SqliteStoreSettings.defaults())) {
            SnapshotSummary summary = sync(store.cache(), SCOPE, CrashSnapshots.pages(SMALL, 1, CrashSnapshots.PageListener.NONE));
            assertThat(summary.items()).isEqualTo(SMALL);
        }
        rowsBefore = rowCounts();
    }

    @AfterEach
    void killEveryChild() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor();
        }
    }

    @ParameterizedTest(name = "killed while waiting after page {0} of " + LARGE_PAGES)
    @ValueSource(ints = {1, 10, LARGE_PAGES})
    void killedBetweenPages(int page) throws Exception {
        SnapshotWriterProcess child = start("gated");
        long run = child.run();
        for (int written = 1; written < page; written++) {
            child.expect("written " + written);
            child.send("go");
        }
        // After the last page the child says "end" instead: every page written, the snapshot not yet finished.
        child.expect(page == LARGE_PAGES ? "end" : "written " + page);

        child.kill();

        assertThePreviousSnapshotIsWhole(run);
        assertTheNextSyncStoresTheLargeSnapshot(true);
    }

    /** Not waiting for the test, the child is somewhere in page 14 or later when the kill lands. */
    @Test
    void killedWhileWritingPages() throws Exception {
        int page = 13;
        SnapshotWriterProcess child = start("free");
        long run = child.run();
        for (int written = 1; written <= page; written++) {
            child.expect("written " + written);
        }

        child.kill();

        assertThePreviousSnapshotIsWhole(run);
        assertTheNextSyncStoresTheLargeSnapshot(true);
    }

    @Test
    void killedWhileThePageIteratorSleepsMidTransaction() throws Exception {
        SnapshotWriterProcess child = start("sleep", "7");
        long run = child.run();
        for (int written = 1; written < 7; written++) {
            child.expect("written " + written);
        }
        child.expect("sleeping 7");

        child.kill();

        assertThePreviousSnapshotIsWhole(run);
        assertTheNextSyncStoresTheLargeSnapshot(true);
    }

    /**
     * Let go at the end, the child finishes the snapshot, commits and records success, and is killed
     * somewhere in there: whichever side of the commit the kill lands, the scope holds one whole snapshot.
     */
    @Test
    void killedWhileFinishingLeavesOneWholeSnapshotEitherWay() throws Exception {
        SnapshotWriterProcess child = start("free");
        long run = child.run();
        for (int written = 1; written < LARGE_PAGES; written++) {
            child.expect("written " + written);
        }
        child.expect("end");

        child.send("go");
        int status = child.killIfRunning();

        assertThat(status).as("killed, or (unlikely) already through with the commit").isIn(KILLED_BY_SIGKILL, 0);

        try (Connection connection = rawConnection()) {
            assertThat(single(connection, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(query(connection, "PRAGMA foreign_key_check")).isEmpty();
        }
        boolean committed = runState(run).startsWith("1|");
        if (status == 0) {
            assertThat(runState(run)).as("a child that ran to its end recorded success").matches("1\\|.+\\|succeeded");
        }
        if (committed) {
            try (CacheStore store = CacheStore.open(file, SqliteStoreSettings.defaults())) {
                assertThat(StoreFiles.ordersOf(store.orders().findOrders(OrderCriteria.ALL.withCustomer(CUSTOMER), 0, LARGE + 1)))
                        .containsExactlyElementsOf(CrashSnapshots.snapshot(LARGE, 2));
            }
        } else {
            assertThePreviousSnapshotIsWhole(run);
        }
        assertTheNextSyncStoresTheLargeSnapshot(!committed);
    }

    private void assertThePreviousSnapshotIsWhole(long killedRun) throws SQLException {
        try (Connection connection = rawConnection()) {
            assertThat(single(connection, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(query(connection, "PRAGMA foreign_key_check")).isEmpty();
            assertThat(query(connection, "SELECT count(*) FROM stored_order WHERE stored_by_run = " + killedRun
                    + " OR removed_by_run = " + killedRun)).containsExactly("0");
            assertThat(single(connection, "SELECT count(*) FROM order_change WHERE run_id = " + killedRun)).isEqualTo("0");
            assertThat(single(connection, "SELECT count(*) FROM sync_run WHERE outcome = 'succeeded'"))
                    .as("only the small snapshot's run succeeded").isEqualTo("1");
        }
        assertThat(runState(killedRun)).as("snapshot_stored|finished_at|outcome of the killed run").isEqualTo("0|null|null");
        assertThat(rowCounts()).as("rows per table").isEqualTo(rowsBefore);
        try (CacheStore store = CacheStore.open(file, SqliteStoreSettings.defaults())) {
            assertThat(store.orders().countOrders(OrderCriteria.ALL)).isEqualTo(SMALL);
            assertThat(StoreFiles.ordersOf(store.orders().findOrders(OrderCriteria.ALL.withCustomer(CUSTOMER), 0, LARGE)))
                    .containsExactlyElementsOf(CrashSnapshots.snapshot(SMALL, 1));
            assertThat(store.orderChanges().findChanges(Optional.empty(), Optional.of(new SyncRunId(killedRun)))).isEmpty();
        }
    }

    private void assertTheNextSyncStoresTheLargeSnapshot(boolean fromTheSmallOne) throws SQLException {
        try (CacheStore store = CacheStore.open(file, SqliteStoreSettings.defaults())) {
            SnapshotSummary summary = sync(store.cache(), SCOPE, CrashSnapshots.pages(LARGE, 2, CrashSnapshots.PageListener.NONE));

            assertThat(summary).isEqualTo(fromTheSmallOne
                    ? new SnapshotSummary(LARGE_PAGES, LARGE, (long) LARGE * LINE_ITEMS, LARGE - SMALL, CHANGED_BY_LARGE, 0)
                    : new SnapshotSummary(LARGE_PAGES, LARGE, (long) LARGE * LINE_ITEMS, 0, 0, 0));
            assertThat(store.orders().countOrders(OrderCriteria.ALL)).isEqualTo(LARGE);
            for (int index : new int[] {0, 1, SMALL - 1, SMALL, LARGE - 1}) {
                assertThat(StoreFiles.ordersOf(store.orders().findOrdersById(OrderId.of(String.format("ord-%06d", index)))))
                        .containsExactly(CrashSnapshots.order(index, 2));
            }
        }
        try (Connection connection = rawConnection()) {
            assertThat(single(connection, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(single(connection, "SELECT outcome FROM sync_run ORDER BY run_id DESC LIMIT 1")).isEqualTo("succeeded");
        }
    }

    private String runState(long run) throws SQLException {
        try (Connection connection = rawConnection()) {
            return single(connection, "SELECT snapshot_stored, finished_at, outcome FROM sync_run WHERE run_id = " + run);
        }
    }

    private Map<String, String> rowCounts() throws SQLException {
        Map<String, String> counts = new LinkedHashMap<>();
        try (Connection connection = rawConnection()) {
            for (String table : TABLES) {
                counts.put(table, single(connection, "SELECT count(*) FROM " + table));
            }
        }
        return counts;
    }

    /** A plain connection, not the store's: the file is checked as the kill left it, before the store opens it. */
    private Connection rawConnection() throws SQLException {
        SQLiteDataSource plain = new SQLiteDataSource();
        plain.setUrl("jdbc:sqlite:" + file);
        return plain.getConnection();
    }


    private SnapshotWriterProcess start(String... modeAndArguments) throws IOException {
        SnapshotWriterProcess child = SnapshotWriterProcess.start(file.toString(), java.util.Map.of(),
                folder.resolve("child-" + children.size() + ".err"), modeAndArguments);
        children.add(child.process());
        return child;
    }
}
