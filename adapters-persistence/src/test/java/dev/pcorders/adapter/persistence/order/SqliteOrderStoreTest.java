package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.order.StoreFiles.execute;
import static dev.pcorders.adapter.persistence.order.StoreFiles.query;
import static dev.pcorders.adapter.persistence.order.StoreFiles.single;
import static dev.pcorders.adapter.persistence.order.StoreFiles.sync;
import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.OTHER_CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.aFullOrder;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static dev.pcorders.domain.order.TestOrders.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.shared.port.out.StoreException.Reason;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.OrderLinks;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.SyncRunId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opening, configuring and refusing store files; locking between writers. */
class SqliteOrderStoreTest {

    private static final OrderScope SCOPE = OrderScope.allOrdersOf(CUSTOMER);

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("orders.db");
    }

    @Test
    void creationBoundsBeyondTheYearsTheCacheHoldsAreOpenOrEmptyAndSuchAnOrderIsRefusedWhole() {
        try (CacheStore store = CacheStore.open(file(), SqliteStoreSettings.defaults())) {
            sync(store.cache(), OrderScope.allOrdersOf(CUSTOMER), List.of(page(1, anOrder("a").build())).iterator());

            assertThat(store.orders().countOrders(OrderCriteria.ALL.createdBetween(null, Instant.MAX))).isEqualTo(1);
            assertThat(store.orders().countOrders(OrderCriteria.ALL.createdBetween(Instant.MIN, null))).isEqualTo(1);
            assertThat(store.orders().countOrders(OrderCriteria.ALL.createdBetween(Instant.MAX, null))).isZero();
            assertThat(store.orders().countOrders(OrderCriteria.ALL.createdBetween(null, Instant.MIN))).isZero();

            Order farFuture = Order.builder(dev.pcorders.domain.order.OrderId.of("future"), CUSTOMER,
                    Instant.parse("+10000-01-01T00:00:00Z")).build();
            assertThatThrownBy(() -> sync(store.cache(), OrderScope.allOrdersOf(CUSTOMER),
                    List.of(page(1, anOrder("a").build(), farFuture)).iterator()))
                    .isInstanceOf(StoreException.class).hasMessageContaining("0000 to 9999");
            assertThat(StoreFiles.ordersOf(store.orders().findOrders(OrderCriteria.ALL, 0, 10))).extracting(o -> o.id().value())
                    .as("the previous snapshot whole").containsExactly("a");
        }
    }

    @Test
    void aPathWithAQuestionMarkIsRefusedNamingItBeforeAnyFileIsMade() {
        Path odd = folder.resolve("a?journal_mode=DELETE").resolve("orders.db");

        assertThatThrownBy(() -> CacheStore.open(odd, SqliteStoreSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'?'").hasMessageContaining(odd.toString());
        assertThat(folder.resolve("a")).doesNotExist();
    }

    @Test
    void ordersToMatchAreTheCachedOrdersWithoutLinksAndWithLineItemsOfOnlyWhatMatchingReads() {
        try (CacheStore store = CacheStore.open(file(), SqliteStoreSettings.defaults())) {
            sync(store.cache(), SCOPE, List.of(page(1, aFullOrder("full"), anOrder("plain").build())).iterator());
            List<CachedOrder> whole = new ArrayList<>();
            List<CachedOrder> toMatch = new ArrayList<>();

            store.orders().forEachOrder(OrderCriteria.ALL, whole::add);
            store.orders().forEachOrderToMatch(OrderCriteria.ALL, toMatch::add);

            assertThat(whole).extracting(cached -> cached.order().links()).as("the fixture has links to leave out")
                    .anyMatch(links -> !links.equals(OrderLinks.NONE));
            assertThat(toMatch).hasSameSizeAs(whole);
            // Orders to match come in the store's order, not necessarily that of forEachOrder.
            Comparator<CachedOrder> byId = Comparator.comparing(cached -> cached.order().id().value());
            whole.sort(byId);
            toMatch.sort(byId);
            for (int i = 0; i < whole.size(); i++) {
                Order order = whole.get(i).order();
                Order withoutLinks = order.toBuilder().links(OrderLinks.NONE)
                        .lineItems(order.lineItems().stream()
                                .map(item -> OrderLineItem.builder(item.lineItemNumber(), item.offerId(), item.quantity())
                                        .pricing(item.pricing().orElse(null)).build())
                                .toList())
                        .build();
                assertThat(toMatch.get(i).order()).isEqualTo(withoutLinks);
                assertThat(toMatch.get(i).pricesAsOf()).isEqualTo(whole.get(i).pricesAsOf());
            }
        }
    }

    @Test
    void forEachOrderHandsOverEveryOrderOnceWhenABatchEndsBetweenTwoCustomersOrdersOfOneDateAndId() {
        // The seek past a batch's last order must tell orders apart by customer too: both customers have ord-0000 to
        // ord-0599, all created at one instant, and the lone "aaa" puts the 1,000th order between the two ord-0499.
        int shared = 600;
        try (CacheStore store = CacheStore.open(file(), SqliteStoreSettings.defaults())) {
            for (CustomerId customer : List.of(CUSTOMER, OTHER_CUSTOMER)) {
                List<Order> orders = new ArrayList<>();
                if (customer.equals(CUSTOMER)) {
                    orders.add(anOrder("aaa").build());
                }
                IntStream.range(0, shared).forEach(i -> orders.add(anOrder(String.format("ord-%04d", i))
                        .referenceCustomerId(customer).build()));
                sync(store.cache(), OrderScope.allOrdersOf(customer), List.of(page(1, orders.toArray(Order[]::new))).iterator());
            }
            List<String> handedOver = new ArrayList<>();

            store.orders().forEachOrder(OrderCriteria.ALL, cached -> handedOver.add(cached.order().referenceCustomerId() + "/" + cached.order().id().value()));

            assertThat(JooqOrderRepository.ORDERS_PER_BATCH).isLessThan(2 * shared + 1);
            assertThat(handedOver).hasSize(2 * shared + 1).doesNotHaveDuplicates()
                    .containsSubsequence(OTHER_CUSTOMER + "/ord-0499", CUSTOMER + "/ord-0499", OTHER_CUSTOMER + "/ord-0500");
            assertThat(handedOver.get(JooqOrderRepository.ORDERS_PER_BATCH - 1)).isEqualTo(OTHER_CUSTOMER + "/ord-0499");
            assertThat(handedOver.get(JooqOrderRepository.ORDERS_PER_BATCH)).isEqualTo(CUSTOMER + "/ord-0499");
        }
    }

    @Test
    void everyPooledConnectionRunsWalWithForeignKeysBusyTimeoutAndNormalSync() throws SQLException {
        try (CacheStore store = CacheStore.open(file(), SqliteStoreSettings.defaults())) {
            // A writer's busy timeout is the write lock wait (10 min): SQLite's busy handler is the queue of writers.
            for (DataSource pool : List.of(store.writerPool(), store.readerPool())) {
                try (Connection connection = pool.getConnection()) {
                    assertThat(single(connection, "PRAGMA journal_mode")).isEqualTo("wal");
                    assertThat(single(connection, "PRAGMA foreign_keys")).isEqualTo("1");
                    assertThat(single(connection, "PRAGMA busy_timeout")).isEqualTo(pool == store.writerPool() ? "600000" : "10000");
                    assertThat(single(connection, "PRAGMA synchronous")).as("NORMAL").isEqualTo("1");
                }
            }
            try (Connection connection = store.openJdbcConnection()) {
                assertThat(single(connection, "PRAGMA journal_mode")).isEqualTo("wal");
                assertThat(single(connection, "PRAGMA foreign_keys")).isEqualTo("1");
                assertThat(single(connection, "PRAGMA busy_timeout")).isEqualTo("600000");
            }
        }
    }

    @Test
    void synchronousFullTheBusyTimeoutAndTheWriteLockWaitAreConfigurable() throws SQLException {
        SqliteStoreSettings settings = SqliteStoreSettings.defaults()
                .withSynchronous(SqliteStoreSettings.Synchronous.FULL)
                .withBusyTimeout(Duration.ofMillis(1500))
                .withWriteLockWait(Duration.ofSeconds(90));
        try (CacheStore store = CacheStore.open(file(), settings);
             Connection writer = store.writerPool().getConnection();
             Connection reader = store.readerPool().getConnection()) {
            assertThat(single(writer, "PRAGMA synchronous")).as("FULL").isEqualTo("2");
            assertThat(single(writer, "PRAGMA busy_timeout")).isEqualTo("90000");
            assertThat(single(reader, "PRAGMA synchronous")).as("FULL").isEqualTo("2");
            assertThat(single(reader, "PRAGMA busy_timeout")).isEqualTo("1500");
        }
    }

    @Test
    void waitsOutsideWhatSqliteAndHikariAcceptAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> SqliteStoreSettings.defaults().withWriteLockWait(Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("write lock wait").hasMessageContaining("250 ms");
        assertThatThrownBy(() -> SqliteStoreSettings.defaults().withBusyTimeout(Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("busy timeout").hasMessageContaining("24 days");
    }

    @Test
    void aNewFileGetsTheWholeSchemaAndReopeningKeepsTheData() {
        try (CacheStore store = CacheStore.open(file(), SqliteStoreSettings.defaults())) {
            sync(store.cache(), SCOPE, List.of(page(1, anOrder("a").build())).iterator());
        }
        try (CacheStore store = CacheStore.open(file(), SqliteStoreSettings.defaults())) {
            assertThat(store.orders().countOrders(OrderCriteria.ALL)).isEqualTo(1);
        }
    }

    @Test
    void anOlderSchemaIsMigratedOnOpenAndItsDataKept() throws SQLException {
        SQLiteDataSource plain = new SQLiteDataSource();
        plain.setUrl("jdbc:sqlite:" + file());
        Flyway.configure().dataSource(plain).locations("classpath:db/migration").target("1").load().migrate();
        try (Connection connection = plain.getConnection()) {
            execute(connection, "INSERT INTO sync_scope (customer_id, include_price, include_system_purchases) VALUES ('"
                    + CUSTOMER + "', 0, 0)");
            assertThat(query(connection, "SELECT name FROM sqlite_master WHERE name = 'line_item_by_offer'")).isEmpty();
        }

        try (CacheStore store = CacheStore.open(file(), SqliteStoreSettings.defaults());
             Connection connection = store.openJdbcConnection()) {
            assertThat(single(connection, "SELECT max(version) FROM flyway_schema_history")).isEqualTo("7");
            assertThat(query(connection, "SELECT name FROM sqlite_master WHERE name = 'line_item_by_offer'")).hasSize(1);
            assertThat(single(connection, "SELECT count(*) FROM sync_scope")).isEqualTo("1");
            assertThat(sync(store.cache(), SCOPE, List.of(page(1, anOrder("a").build())).iterator()).added()).isEqualTo(1);
            assertThat(single(connection, "SELECT count(*) FROM sync_scope")).as("the existing scope was reused").isEqualTo("1");
        }
    }

    @Test
    void aSchemaNewerThanThisBuildIsRefusedAndLeftAlone() throws SQLException {
        CacheStore.open(file(), SqliteStoreSettings.defaults()).close();
        SQLiteDataSource plain = new SQLiteDataSource();
        plain.setUrl("jdbc:sqlite:" + file());
        try (Connection connection = plain.getConnection()) {
            execute(connection, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql',"
                    + " 1, 'test', 0, 1)");
        }

        assertThatThrownBy(() -> CacheStore.open(file(), SqliteStoreSettings.defaults()))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SCHEMA_TOO_NEW);
                    assertThat(e.getMessage()).contains("schema version 99", "newer pc-orders", "up to 7", file().toString());
                });
        try (Connection connection = plain.getConnection()) {
            assertThat(single(connection, "SELECT count(*) FROM flyway_schema_history")).isEqualTo("8");
        }
    }

    @Test
    void aFileWhoseSchemaAnotherPcOrdersIsCreatingOpens() throws SQLException {
        // What a second process sees between Flyway's creating its history table and committing V1.
        try (Connection connection = plainConnection()) {
            createFlywayHistoryTable(connection);
        }

        try (CacheStore store = CacheStore.open(file(), SqliteStoreSettings.defaults());
             Connection connection = store.openJdbcConnection()) {
            assertThat(store.orders().countOrders(OrderCriteria.ALL)).isZero();
            assertThat(query(connection, "SELECT version FROM flyway_schema_history ORDER BY installed_rank")).containsExactly("1", "2", "3", "4", "5", "6", "7");
        }
    }

    @Test
    void anotherFlywayProjectsHistoryAloneIsRefused() throws SQLException {
        try (Connection connection = plainConnection()) {
            createFlywayHistoryTable(connection);
            execute(connection, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (1, '1', 'invoices', 'SQL', 'V1__invoices.sql', 7, 'x', 0, 1)");
        }

        assertThatThrownBy(() -> CacheStore.open(file(), SqliteStoreSettings.defaults()))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_PC_ORDERS_DATABASE));
    }

    @Test
    void anotherProgramsDatabaseIsRefusedUntouched() throws SQLException {
        SQLiteDataSource plain = new SQLiteDataSource();
        plain.setUrl("jdbc:sqlite:" + file());
        try (Connection connection = plain.getConnection()) {
            execute(connection, "CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
        }

        assertThatThrownBy(() -> CacheStore.open(file(), SqliteStoreSettings.defaults()))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_A_PC_ORDERS_DATABASE);
                    assertThat(e.getMessage()).contains("not a pc-orders order store", "invoices");
                });
        try (Connection connection = plain.getConnection()) {
            assertThat(query(connection, "SELECT name FROM sqlite_master WHERE type = 'table'")).containsExactly("invoices");
            assertThat(query(connection, "PRAGMA journal_mode")).as("not switched to WAL").containsExactly("delete");
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRefused() throws Exception {
        Files.writeString(file(), "order id,customer\n" + "x".repeat(4096));

        assertThatThrownBy(() -> CacheStore.open(file(), SqliteStoreSettings.defaults()))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_A_PC_ORDERS_DATABASE);
                    assertThat(e.getMessage()).contains("not an SQLite database");
                });
    }

    @Test
    void aFileThatCannotBeCreatedIsReportedAsNotWritable() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("plain-file"), "x");

        assertThatThrownBy(() -> CacheStore.open(notAFolder.resolve("orders.db"), SqliteStoreSettings.defaults()))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_WRITABLE);
                    assertThat(e.getMessage()).contains("cannot be created or written", "plain-file");
                });
    }

    @Test
    void aFileLockedAgainstReadersPastTheBusyTimeoutFailsToOpenAsLockedNamingThatTimeout() throws SQLException {
        CacheStore.open(file(), SqliteStoreSettings.defaults()).close();
        SQLiteDataSource plain = new SQLiteDataSource();
        plain.setUrl("jdbc:sqlite:" + file());
        try (Connection holder = plain.getConnection()) {
            // Even WAL readers wait for a connection in exclusive locking mode that has written.
            execute(holder, "PRAGMA locking_mode = EXCLUSIVE");
            holder.setAutoCommit(false);
            execute(holder, "INSERT INTO sync_scope (resource_kind, customer_id, scope_key) VALUES ('orders', 'x', '')");

            SqliteStoreSettings quick = SqliteStoreSettings.defaults().withBusyTimeout(Duration.ofMillis(300));
            assertThatThrownBy(() -> CacheStore.open(file(), quick))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.LOCKED);
                        assertThat(e.getMessage()).contains("Could not open the database", "busy timeout (300 ms)");
                    });
            holder.rollback();
        }
        try (CacheStore store = CacheStore.open(file(), SqliteStoreSettings.defaults())) {
            assertThat(store.orders().countOrders(OrderCriteria.ALL)).isZero();
        }
    }

    @Test
    void aSyncThatFailsHasFreedTheWriteLockWhenItsFailureArrives() throws SQLException {
        try (CacheStore store = CacheStore.open(file(), SqliteStoreSettings.defaults())) {
            RuntimeException lostConnection = new IllegalStateException("the connection to Partner Center was lost");
            Iterator<Page<Order>> failingAfterOnePage = new Iterator<>() {
                private boolean sent;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Page<Order> next() {
                    if (sent) {
                        throw lostConnection;
                    }
                    sent = true;
                    return page(1, anOrder("a").build());
                }
            };
            SyncRunId run = store.runLog().startRun(SCOPE, CorrelationId.random(), Instant.now());

            assertThatThrownBy(() -> store.orderSnapshots().replaceSnapshot(run, SCOPE, failingAfterOnePage)).isSameAs(lostConnection);

            SQLiteConfig noWaiting = new SQLiteConfig();
            noWaiting.setBusyTimeout(0);
            try (Connection other = noWaiting.createConnection("jdbc:sqlite:" + file())) {
                execute(other, "BEGIN IMMEDIATE");
                assertThat(query(other, "SELECT count(*) FROM stored_order")).as("rolled back").containsExactly("0");
                execute(other, "ROLLBACK");
            }
            assertThat(sync(store.cache(), SCOPE, List.of(page(1, anOrder("b").build())).iterator()).added()).isEqualTo(1);
        }
    }

    @Test
    void aWriteBlockedPastTheWriteLockWaitFailsAsLockedAndTheNextOneSucceeds() throws SQLException {
        SqliteStoreSettings quick = SqliteStoreSettings.defaults().withWriteLockWait(Duration.ofMillis(300));
        try (CacheStore store = CacheStore.open(file(), quick)) {
            try (Connection other = store.openJdbcConnection()) {
                other.setAutoCommit(false);
                execute(other, "INSERT INTO sync_scope (resource_kind, customer_id, scope_key) VALUES ('orders', 'x', '')");

                assertThatThrownBy(() -> store.runLog().startRun(SCOPE, CorrelationId.random(), Instant.now()))
                        .isInstanceOfSatisfying(StoreException.class, e -> {
                            assertThat(e.reason()).isEqualTo(Reason.LOCKED);
                            assertThat(e.getMessage()).contains("write lock wait", "300 ms");
                        });
                assertThat(store.orders().countOrders(OrderCriteria.ALL)).as("readers are not blocked by a writer").isZero();
                other.rollback();
            }
            assertThat(sync(store.cache(), SCOPE, List.of(page(1, anOrder("a").build())).iterator()).added()).isEqualTo(1);
        }
    }

    @Test
    void twoIndependentStoresSyncingIntoOneFileBothSucceed() throws Exception {
        List<Order> orders = IntStream.range(0, 300).mapToObj(i -> anOrder("o" + i).build()).toList();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (CacheStore first = CacheStore.open(file(), SqliteStoreSettings.defaults());
             CacheStore second = CacheStore.open(file(), SqliteStoreSettings.defaults())) {
            List<Callable<Long>> syncs = new ArrayList<>();
            for (CacheStore store : List.of(first, second)) {
                for (int round = 0; round < 5; round++) {
                    syncs.add(() -> sync(store.cache(), SCOPE, pagesOf(orders)).items());
                }
            }
            for (Future<Long> result : threads.invokeAll(syncs)) {
                assertThat(result.get()).isEqualTo(300);
            }
            assertThat(second.orders().countOrders(OrderCriteria.ALL)).isEqualTo(300);
            assertThat(first.orderChanges().findChanges(java.util.Optional.empty(), java.util.Optional.empty()))
                    .as("only the first sync found anything new").hasSize(300);
        } finally {
            threads.shutdownNow();
        }
    }

    private Connection plainConnection() throws SQLException {
        SQLiteDataSource plain = new SQLiteDataSource();
        plain.setUrl("jdbc:sqlite:" + file());
        return plain.getConnection();
    }

    /** The table as Flyway creates it on SQLite, empty. */
    private static void createFlywayHistoryTable(Connection connection) throws SQLException {
        execute(connection, "CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY,"
                + " version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL,"
                + " script VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL,"
                + " installed_on TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),"
                + " execution_time INT NOT NULL, success BOOLEAN NOT NULL)");
    }

    private static java.util.Iterator<Page<Order>> pagesOf(List<Order> orders) {
        List<Page<Order>> pages = new ArrayList<>();
        for (int from = 0; from < orders.size(); from += 100) {
            pages.add(new Page<>(pages.size() + 1, orders.subList(from, Math.min(orders.size(), from + 100)), java.util.OptionalInt.empty()));
        }
        return pages.iterator();
    }
}
