package dev.pcorders.adapter.persistence.order;

import dev.pcorders.domain.order.Order;
import static dev.pcorders.adapter.persistence.jooq.Tables.ORDER_CHANGE;
import static dev.pcorders.adapter.persistence.jooq.Tables.SYNC_RUN;
import static dev.pcorders.adapter.persistence.jooq.Tables.SYNC_SCOPE;

import com.zaxxer.hikari.HikariDataSource;
import dev.pcorders.adapter.persistence.jooq.tables.records.OrderChangeRecord;
import dev.pcorders.adapter.persistence.jooq.tables.records.StoredOrderRecord;
import dev.pcorders.adapter.persistence.jooq.tables.records.SyncRunRecord;
import dev.pcorders.application.order.port.out.CachedOrderReader;
import dev.pcorders.application.order.port.out.OrderChangeLog;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.domain.shared.CustomerScope;
import dev.pcorders.domain.shared.ResourceKind;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.shared.port.out.StoreException.Reason;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.ChangeKind;
import dev.pcorders.domain.order.OrderChange;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderDifference;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.SyncRunId;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Money;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConnection;

/**
 * The order cache's ports on SQLite. Writes go through a pool of one connection whose transactions
 * begin IMMEDIATE, so a write owns the database from its first statement; reads use their own pool
 * and a deferred transaction each, so a read sees one committed state and never waits for a sync.
 */
final class JooqOrderRepository
        implements SyncRunLog, SnapshotStore<OrderScope, Order>, CachedOrderReader, OrderChangeLog {

    private static final Settings SETTINGS = new Settings()
            .withExecuteLogging(false)
            .withRenderSchema(false);
    /**
     * Orders held at once by {@link #forEachOrder}. A reconciliation keeps only a few facts per order line, but a
     * batch is whole orders (links, provisioning context, the records behind them) while it is read: batches this
     * small keep that transient peak below the reconciliation's own index (measured in docs/PERFORMANCE.md).
     */
    static final int ORDERS_PER_BATCH = 1_000;

    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final StoreFailures failures;

    JooqOrderRepository(HikariDataSource writer, HikariDataSource reader, StoreFailures failures) {
        this.writer = writer;
        this.reader = reader;
        this.failures = failures;
    }

    @Override
    public SyncRunId startRun(CustomerScope scope, CorrelationId correlationId, Instant startedAt) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(startedAt, "startedAt");
        return inWriteTransaction("record the start of a sync run", tx -> {
            long scopeId = scopeId(tx, scope).orElseGet(() -> createScope(tx, scope));
            Long runId = tx.insertInto(SYNC_RUN)
                    .set(SYNC_RUN.SCOPE_ID, scopeId)
                    .set(SYNC_RUN.CORRELATION_ID, correlationId.toString())
                    .set(SYNC_RUN.STARTED_AT, startedAt)
                    .returningResult(SYNC_RUN.RUN_ID)
                    .fetchSingle()
                    .value1();
            return new SyncRunId(runId);
        });
    }

    @Override
    public SnapshotSummary replaceSnapshot(SyncRunId run, OrderScope scope, Iterator<Page<Order>> pages) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(pages, "pages");
        return inWriteTransaction("store the snapshot of sync run " + run.value(), tx -> {
            SyncRunRecord record = openRun(tx, run);
            if (!scopeId(tx, scope).map(id -> id.equals(record.getScopeId())).orElse(false)) {
                throw new IllegalArgumentException("run " + run.value() + " was started for another scope");
            }
            if (Boolean.TRUE.equals(record.getSnapshotStored())) {
                throw new StoreException(Reason.UNEXPECTED, "sync run " + run.value() + " has already stored its snapshot");
            }
            SnapshotSummary summary;
            try (SnapshotWriter snapshot = new SnapshotWriter(tx, run.value(), record.getScopeId(), scope, record.getStartedAt())) {
                while (pages.hasNext()) {
                    snapshot.write(pages.next());
                }
                summary = snapshot.finish();
            }
            tx.update(SYNC_RUN).set(SYNC_RUN.SNAPSHOT_STORED, true).where(SYNC_RUN.RUN_ID.eq(run.value())).execute();
            return summary;
        });
    }

    @Override
    public void finishRun(SyncRunId run, SyncRunOutcome outcome) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(outcome, "outcome");
        inWriteTransaction("record the end of sync run " + run.value(), tx -> {
            openRun(tx, run);
            Optional<SnapshotSummary> snapshot = outcome.snapshot();
            tx.update(SYNC_RUN)
                    .set(SYNC_RUN.FINISHED_AT, outcome.finishedAt())
                    .set(SYNC_RUN.OUTCOME, outcome.succeeded() ? "succeeded" : "failed")
                    .set(SYNC_RUN.PAGES, snapshot.map(SnapshotSummary::pages).orElse(null))
                    .set(SYNC_RUN.ITEMS, snapshot.map(SnapshotSummary::items).orElse(null))
                    .set(SYNC_RUN.NESTED_ITEMS, snapshot.map(SnapshotSummary::nestedItems).orElse(null))
                    .set(SYNC_RUN.ADDED, snapshot.map(SnapshotSummary::added).orElse(null))
                    .set(SYNC_RUN.CHANGED, snapshot.map(SnapshotSummary::changed).orElse(null))
                    .set(SYNC_RUN.REMOVED, snapshot.map(SnapshotSummary::removed).orElse(null))
                    .set(SYNC_RUN.ERROR_SUMMARY, outcome.errorSummary().orElse(null))
                    .where(SYNC_RUN.RUN_ID.eq(run.value()))
                    .execute();
            return null;
        });
    }

    @Override
    public List<CachedOrder> findOrders(OrderCriteria criteria, long offset, int limit) {
        Objects.requireNonNull(criteria, "criteria");
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        if (limit == 0) {
            return List.of();
        }
        return inReadTransaction("read cached orders",
                dsl -> StoredOrderReader.read(dsl, CachedOrderQueries.page(dsl, criteria, offset, limit).fetch()));
    }

    @Override
    public void forEachOrder(OrderCriteria criteria, Consumer<CachedOrder> action) {
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(action, "action");
        // Every batch in one deferred read transaction: all of them see the state the first one saw, while syncs commit.
        inReadTransaction("read cached orders", dsl -> {
            List<StoredOrderRecord> batch = CachedOrderQueries.page(dsl, criteria, 0, ORDERS_PER_BATCH).fetch();
            while (!batch.isEmpty()) {
                StoredOrderReader.read(dsl, batch).forEach(action);
                if (batch.size() < ORDERS_PER_BATCH) {
                    break;
                }
                batch = CachedOrderQueries.after(dsl, criteria, batch.get(batch.size() - 1), ORDERS_PER_BATCH).fetch();
            }
            return null;
        });
    }

    @Override
    public long countOrders(OrderCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        return inReadTransaction("count cached orders", dsl -> (long) dsl.fetchValue(CachedOrderQueries.count(dsl, criteria)));
    }

    @Override
    public List<Money> totalsByCurrency(OrderCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        return inReadTransaction("total cached orders", dsl -> {
            // Decimal text cannot be summed exactly in SQL (SQLite would go through doubles): stream and add here.
            Map<CurrencyCode, BigDecimal> totals = new TreeMap<>();
            try (Cursor<Record2<String, BigDecimal>> rows = dsl.fetchLazy(CachedOrderQueries.totals(dsl, criteria))) {
                for (Record2<String, BigDecimal> row : rows) {
                    totals.merge(CurrencyCode.of(row.value1()), row.value2(), BigDecimal::add);
                }
            }
            List<Money> result = new ArrayList<>();
            totals.forEach((currency, amount) -> result.add(new Money(amount, currency)));
            return List.copyOf(result);
        });
    }

    @Override
    public List<CachedOrder> findOrdersById(OrderId id) {
        Objects.requireNonNull(id, "id");
        return inReadTransaction("read cached order " + id.value(),
                dsl -> StoredOrderReader.read(dsl, CachedOrderQueries.byId(dsl, id).fetchInto(CachedOrderQueries.ORDERS)));
    }

    @Override
    public List<CachedOrder> findOrdersByAlternateId(String alternateId) {
        Objects.requireNonNull(alternateId, "alternateId");
        return inReadTransaction("read cached order " + alternateId, dsl -> StoredOrderReader.read(dsl,
                CachedOrderQueries.byAlternateId(dsl, alternateId).fetchInto(CachedOrderQueries.ORDERS)));
    }

    @Override
    public List<OrderChange> findChanges(Optional<CustomerId> customer, Optional<SyncRunId> run) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(run, "run");
        return inReadTransaction("read the change log", dsl -> {
            List<Condition> conditions = new ArrayList<>();
            customer.ifPresent(value -> conditions.add(ORDER_CHANGE.CUSTOMER_ID.eq(value.toString())));
            run.ifPresent(value -> conditions.add(ORDER_CHANGE.RUN_ID.eq(value.value())));
            List<OrderChange> changes = new ArrayList<>();
            for (OrderChangeRecord row : dsl.selectFrom(ORDER_CHANGE).where(conditions).orderBy(ORDER_CHANGE.CHANGE_ID)) {
                changes.add(new OrderChange(new SyncRunId(row.getRunId()), row.getDetectedAt(), CustomerId.parse(row.getCustomerId()),
                        OrderId.of(row.getOrderId()), new OrderDifference(ChangeKind.valueOf(row.getKind()),
                        row.getLineItemNumber() == null ? OptionalInt.empty() : OptionalInt.of(row.getLineItemNumber()),
                        Optional.ofNullable(row.getBeforeValue()), Optional.ofNullable(row.getAfterValue()))));
            }
            return List.copyOf(changes);
        });
    }

    @Override
    public Optional<String> lastSucceededScopeKey(ResourceKind kind, CustomerId customer) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customer, "customer");
        // Run ids grow with every start (AUTOINCREMENT), so the highest is the latest by start.
        return inReadTransaction("read the sync runs of customer " + customer, dsl -> dsl
                .select(SYNC_SCOPE.SCOPE_KEY)
                .from(SYNC_RUN).join(SYNC_SCOPE).on(SYNC_SCOPE.SCOPE_ID.eq(SYNC_RUN.SCOPE_ID))
                .where(succeededRunsOf(kind, customer))
                .orderBy(SYNC_RUN.RUN_ID.desc())
                .limit(1)
                .fetchOptional(SYNC_SCOPE.SCOPE_KEY));
    }

    @Override
    public List<String> succeededScopeKeys(ResourceKind kind, CustomerId customer) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customer, "customer");
        return inReadTransaction("read the sync runs of customer " + customer, dsl -> List.copyOf(dsl
                .selectDistinct(SYNC_SCOPE.SCOPE_KEY)
                .from(SYNC_RUN).join(SYNC_SCOPE).on(SYNC_SCOPE.SCOPE_ID.eq(SYNC_RUN.SCOPE_ID))
                .where(succeededRunsOf(kind, customer))
                .fetch(SYNC_SCOPE.SCOPE_KEY)));
    }

    private static Condition succeededRunsOf(ResourceKind kind, CustomerId customer) {
        return SYNC_SCOPE.RESOURCE_KIND.eq(kind.name())
                .and(SYNC_SCOPE.CUSTOMER_ID.eq(customer.toString()))
                .and(SYNC_RUN.OUTCOME.eq("succeeded"));
    }

    private static SyncRunRecord openRun(DSLContext tx, SyncRunId run) {
        SyncRunRecord record = tx.selectFrom(SYNC_RUN).where(SYNC_RUN.RUN_ID.eq(run.value())).fetchOne();
        if (record == null) {
            throw new StoreException(Reason.UNEXPECTED, "no sync run " + run.value() + " in the order store");
        }
        if (record.getFinishedAt() != null) {
            throw new StoreException(Reason.UNEXPECTED, "sync run " + run.value() + " is already finished");
        }
        return record;
    }

    private static Condition sameScope(CustomerScope scope) {
        return SYNC_SCOPE.RESOURCE_KIND.eq(scope.kind().name())
                .and(SYNC_SCOPE.CUSTOMER_ID.eq(scope.customer().toString()))
                .and(SYNC_SCOPE.SCOPE_KEY.eq(scope.key()));
    }

    private static Optional<Long> scopeId(DSLContext tx, CustomerScope scope) {
        return tx.select(SYNC_SCOPE.SCOPE_ID).from(SYNC_SCOPE).where(sameScope(scope)).fetchOptional(SYNC_SCOPE.SCOPE_ID);
    }

    private static long createScope(DSLContext tx, CustomerScope scope) {
        return tx.insertInto(SYNC_SCOPE)
                .set(SYNC_SCOPE.RESOURCE_KIND, scope.kind().name())
                .set(SYNC_SCOPE.CUSTOMER_ID, scope.customer().toString())
                .set(SYNC_SCOPE.SCOPE_KEY, scope.key())
                .returningResult(SYNC_SCOPE.SCOPE_ID)
                .fetchSingle()
                .value1();
    }

    private static DSLContext dsl(Connection connection) {
        return DSL.using(connection, SQLDialect.SQLITE, SETTINGS);
    }

    /**
     * Runs {@code work} in one transaction of the writer. Whatever {@code work} throws rolls the
     * transaction back and propagates as the same object (a Partner Center failure from a page
     * iterator stays one); only driver and jOOQ failures are translated.
     */
    private <T> T inWriteTransaction(String action, Function<DSLContext, T> work) {
        return inTransaction(writer, action, work, true);
    }

    /** Runs {@code work} in one deferred read transaction, so all its queries see the same committed state. */
    private <T> T inReadTransaction(String action, Function<DSLContext, T> work) {
        return inTransaction(reader, action, work, false);
    }

    private <T> T inTransaction(HikariDataSource pool, String action, Function<DSLContext, T> work, boolean commit) {
        Connection connection = null;
        try {
            connection = pool.getConnection();
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.apply(dsl(connection));
                if (commit) {
                    // Leaving transaction mode runs COMMIT alone. Connection.commit() would BEGIN the next
                    // IMMEDIATE transaction at once: for a writer that means queueing for the write lock
                    // again, and failing a write that did commit if another sync holds it.
                    connection.setAutoCommit(true);
                } else {
                    connection.rollback();
                }
            } catch (RuntimeException | Error failure) {
                // A writer is discarded, not rolled back: sqlite-jdbc's rollback() BEGINs the next IMMEDIATE
                // transaction at once, which may queue a failed sync behind another process's whole sync before
                // its failure is reported. Closing the connection rolls the transaction back.
                if (commit || !rollback(connection, failure)) {
                    discard(pool, connection);
                    connection = null;
                }
                throw failure;
            }
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException | DataAccessException failure) {
            // A failed BEGIN, COMMIT or mode switch can leave sqlite-jdbc believing it is in a
            // transaction it is not in; such a connection must not go back to the pool.
            discard(pool, connection);
            connection = null;
            throw commit ? failures.translate(action, failure) : failures.translateRead(action, failure);
        } finally {
            close(connection);
        }
    }

    /** Rolls a reader back and leaves transaction mode; false, with the reason attached to {@code failure}, if that failed. */
    private static boolean rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
            // sqlite-jdbc opens the next (deferred) transaction right after a rollback while auto-commit is off;
            // switching it back on ends that one, so the pooled connection holds no snapshot while idle.
            connection.setAutoCommit(true);
            return true;
        } catch (SQLException | RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
            return false;
        }
    }

    private static void discard(HikariDataSource pool, Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            // Closed here, not later on Hikari's closer thread: a writer's transaction is rolled back and the
            // write lock freed before the failure reaches the caller. Hikari's own close then finds it closed.
            connection.unwrap(SQLiteConnection.class).close();
        } catch (SQLException e) {
            // Hikari closes the connection again below and logs what fails then.
        }
        pool.evictConnection(connection);
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing a pooled connection only hands it back; Hikari discards it if that fails.
        }
    }
}
