package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.order.StoreFiles.query;
import static dev.pcorders.adapter.persistence.order.StoreFiles.sync;
import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.aLineItem;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static dev.pcorders.domain.order.TestOrders.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.adapter.persistence.store.WriteLockUse;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.shared.port.out.StoreException.Reason;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.SyncRunId;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syncs that overlap in time. A sync holds the write lock from its first page to its commit, and its
 * pages come from the network, so a second writer must be able to wait for a whole sync, far longer
 * than SQLite's busy timeout; and whichever of two syncs of one scope commits last must leave exactly
 * its own snapshot, whatever order their runs were started in.
 */
class OverlappingSyncsTest {

    private static final OrderScope SCOPE = OrderScope.allOrdersOf(CUSTOMER);
    /** Far shorter than one slow sync below: without a separate write lock wait, the second writer would fail. */
    private static final Duration SHORT_BUSY_TIMEOUT = Duration.ofMillis(300);

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("orders.db");
    }

    @Test
    void theSyncThatCommitsLastLeavesExactlyItsSnapshotEvenIfItsRunStartedFirst() throws Exception {
        try (CacheStore store = CacheStore.open(file(), SqliteStoreSettings.defaults());
             Connection connection = store.openJdbcConnection()) {
            JooqOrderRepository orders = store.cache();
            SyncRunId startedFirst = orders.startRun(SCOPE, CorrelationId.random(), Instant.now());
            SyncRunId startedSecond = orders.startRun(SCOPE, CorrelationId.random(), Instant.now());

            orders.replaceSnapshot(startedSecond, SCOPE, List.of(page(1, anOrder("kept").build(), anOrder("gone").build())).iterator());
            SnapshotSummary last = orders.replaceSnapshot(startedFirst, SCOPE,
                    List.of(page(1, anOrder("kept").status(OrderStatus.CANCELLED).build(), anOrder("new").build())).iterator());

            assertThat(StoreFiles.ordersOf(orders.findOrders(OrderCriteria.ALL, 0, 10)))
                    .extracting(order -> order.id().value() + "/" + order.status().orElseThrow().known())
                    .containsExactlyInAnyOrder("kept/CANCELLED", "new/COMPLETED");
            assertThat(last.added()).as("compared with the snapshot committed before it").isEqualTo(1);
            assertThat(last.changed()).isEqualTo(1);
            assertThat(last.removed()).isEqualTo(1);
            assertThat(query(connection, "SELECT order_id || ':' || stored_by_run || ':' || coalesce(removed_by_run, '-')"
                    + " FROM stored_order ORDER BY order_id")).containsExactly(
                    "gone:" + startedSecond.value() + ":" + startedFirst.value(),
                    "kept:" + startedFirst.value() + ":-",
                    "new:" + startedFirst.value() + ":-");
        }
    }

    @Test
    void aWriterInAnotherStoreWaitsForASyncLongerThanTheBusyTimeoutAndBothSucceed() throws Exception {
        SqliteStoreSettings settings = SqliteStoreSettings.defaults()
                .withBusyTimeout(SHORT_BUSY_TIMEOUT)
                .withWriteLockWait(Duration.ofMinutes(2));
        List<Order> firstOrders = orders("first-", 10);
        List<Order> secondOrders = orders("second-", 40);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (CacheStore first = CacheStore.open(file(), settings);
             CacheStore second = CacheStore.open(file(), settings)) {
            CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
            Future<SnapshotSummary> slow = threads.submit(() -> sync(first.cache(), SCOPE,
                    slowPages(firstOrders, firstHoldsTheLock, Duration.ofMillis(250))));
            assertThat(firstHoldsTheLock.await(30, TimeUnit.SECONDS)).isTrue();
            // The slow sync now holds the write lock for its ten pages, 250 ms each: about 2.5 s, eight busy timeouts.
            SnapshotSummary waited = sync(second.cache(), SCOPE, List.of(new Page<>(1, secondOrders,
                    java.util.OptionalInt.empty())).iterator());

            assertThat(slow.get(60, TimeUnit.SECONDS).items()).isEqualTo(10);
            assertThat(waited.items()).isEqualTo(40);
            assertThat(StoreFiles.ordersOf(second.orders().findOrders(OrderCriteria.ALL, 0, 100))).extracting(order -> order.id().value())
                    .as("the second sync committed last").containsExactlyInAnyOrderElementsOf(
                            secondOrders.stream().map(order -> order.id().value()).toList());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aStoreOpensWhileAnotherProcessSyncs() throws Exception {
        SqliteStoreSettings settings = SqliteStoreSettings.defaults().withBusyTimeout(SHORT_BUSY_TIMEOUT);
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try (CacheStore first = CacheStore.open(file(), settings)) {
            sync(first.cache(), SCOPE, List.of(page(1, anOrder("before").build())).iterator());
            Future<SnapshotSummary> slow = startSlowSyncOfEightOrders(first, threads);

            try (CacheStore reopened = CacheStore.open(file(), settings)) {
                assertThat(StoreFiles.ordersOf(reopened.orders().findOrders(OrderCriteria.ALL, 0, 10))).extracting(order -> order.id().value())
                        .as("readers see the last committed snapshot while a sync runs").containsExactly("before");
            }
            assertThat(slow.get(60, TimeUnit.SECONDS).items()).isEqualTo(8);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aWriteThatWaitsLongerThanTheWriteLockWaitFailsAsLockedNamingThatWait() throws Exception {
        SqliteStoreSettings settings = SqliteStoreSettings.defaults()
                .withBusyTimeout(SHORT_BUSY_TIMEOUT)
                .withWriteLockWait(Duration.ofMillis(700));
        try (CacheStore store = CacheStore.open(file(), settings);
             Connection other = store.openJdbcConnection()) {
            other.setAutoCommit(false); // BEGIN IMMEDIATE: the other writer now holds the lock

            assertThatThrownBy(() -> store.runLog().startRun(SCOPE, CorrelationId.random(), Instant.now()))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.LOCKED);
                        assertThat(e.getMessage()).contains("write lock wait (700 ms)", "another writer");
                    });
            other.rollback();
        }
    }

    @Test
    void inOneStoreASecondSyncWaitsForTheFirstPastTheBusyTimeout() throws Exception {
        SqliteStoreSettings settings = SqliteStoreSettings.defaults()
                .withBusyTimeout(SHORT_BUSY_TIMEOUT)
                .withWriteLockWait(Duration.ofMinutes(2));
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try (CacheStore store = CacheStore.open(file(), settings)) {
            Future<SnapshotSummary> slow = startSlowSyncOfEightOrders(store, threads);

            SnapshotSummary second = sync(store.cache(), OrderScope.allOrdersOf(dev.pcorders.domain.order.TestOrders.OTHER_CUSTOMER),
                    List.of(page(1, anOrder("other").build())).iterator());

            assertThat(second.items()).isEqualTo(1);
            assertThat(slow.get(60, TimeUnit.SECONDS).items()).isEqualTo(8);
            // Lower bounds only: the slow sync sleeps 250 ms before each of its 7 later pages inside its transaction,
            // all of it after the second sync began to queue.
            WriteLockUse use = store.writeLockUse();
            assertThat(use.transactions()).as("start, snapshot and finish of each sync").isEqualTo(6);
            assertThat(use.held()).isGreaterThanOrEqualTo(Duration.ofMillis(7 * 250));
            assertThat(use.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(7 * 250));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void storesOpenedAtOnceOnANewFileAllOpenWhileOneOfThemCreatesTheSchema() throws Exception {
        int openers = 6;
        // SQLite refuses some simultaneous switches of a new file to WAL at once. Without the fixes in SchemaMigration,
        // 6 opens failed in 300 rounds (2 busy cores), so these 30 rounds (about 4 s) may miss a regression.
        ExecutorService threads = Executors.newFixedThreadPool(openers);
        try {
            for (int round = 0; round < 30; round++) {
                Path file = folder.resolve("new-" + round + ".db");
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(openers);
                List<Future<Long>> opened = new java.util.ArrayList<>();
                for (int i = 0; i < openers; i++) {
                    opened.add(threads.submit(() -> {
                        together.await();
                        try (CacheStore store = CacheStore.open(file, SqliteStoreSettings.defaults())) {
                            return store.orders().countOrders(OrderCriteria.ALL);
                        }
                    }));
                }
                for (Future<Long> count : opened) {
                    assertThat(count.get(60, TimeUnit.SECONDS)).isZero();
                }
                try (CacheStore store = CacheStore.open(file, SqliteStoreSettings.defaults());
                     Connection connection = store.openJdbcConnection()) {
                    assertThat(query(connection, "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank"))
                            .as("each migration applied once").containsExactly("1", "2", "3", "4", "5", "6", "7");
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Returns once the sync holds the write lock, which it then keeps for about 2 s. */
    private static Future<SnapshotSummary> startSlowSyncOfEightOrders(CacheStore store, ExecutorService threads)
            throws InterruptedException {
        CountDownLatch holdsTheLock = new CountDownLatch(1);
        Future<SnapshotSummary> slow = threads.submit(() -> sync(store.cache(), SCOPE,
                slowPages(orders("slow-", 8), holdsTheLock, Duration.ofMillis(250))));
        assertThat(holdsTheLock.await(30, TimeUnit.SECONDS)).isTrue();
        return slow;
    }

    private static List<Order> orders(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> anOrder(prefix + i).lineItems(List.of(aLineItem(0).build())).build())
                .toList();
    }

    /** One order a page, each after {@code delay}, as a slow Partner Center would send them; signals at the first. */
    private static Iterator<Page<Order>> slowPages(List<Order> orders, CountDownLatch started, Duration delay) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < orders.size();
            }

            @Override
            public Page<Order> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                started.countDown();
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                Order order = orders.get(next++);
                return page(next, order);
            }
        };
    }
}
