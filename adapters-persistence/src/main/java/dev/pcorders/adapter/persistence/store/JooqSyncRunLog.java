package dev.pcorders.adapter.persistence.store;

import static dev.pcorders.adapter.persistence.jooq.Tables.SYNC_RUN;
import static dev.pcorders.adapter.persistence.jooq.Tables.SYNC_SCOPE;

import dev.pcorders.adapter.persistence.jooq.tables.records.SyncRunRecord;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.shared.port.out.StoreException.Reason;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.CustomerScope;
import dev.pcorders.domain.shared.PartnerScope;
import dev.pcorders.domain.shared.ResourceKind;
import dev.pcorders.domain.shared.SyncRunId;
import dev.pcorders.domain.shared.SyncScope;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * The run log of every resource, in either store: a run belongs to a scope, and a scope is (resource kind, customer,
 * scope key), the key being whatever text the resource's scope gives (schema V4). Nothing here reads a key.
 */
public final class JooqSyncRunLog implements SyncRunLog {

    /** The owner of the partner's own scopes in sync_scope.customer_id and in item rows. */
    public static final String PARTNER_OWNER = "";

    private final Transactions transactions;

    public JooqSyncRunLog(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public SyncRunId startRun(SyncScope scope, CorrelationId correlationId, Instant startedAt) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(startedAt, "startedAt");
        return transactions.inWriteTransaction("record the start of a sync run", tx -> {
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
    public void finishRun(SyncRunId run, SyncRunOutcome outcome) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(outcome, "outcome");
        transactions.inWriteTransaction("record the end of sync run " + run.value(), tx -> {
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
    public Optional<String> lastSucceededScopeKey(ResourceKind kind, CustomerId customer) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customer, "customer");
        // Run ids grow with every start (AUTOINCREMENT), so the highest is the latest by start.
        return transactions.inReadTransaction("read the sync runs of customer " + customer, dsl -> dsl
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
        return transactions.inReadTransaction("read the sync runs of customer " + customer, dsl -> List.copyOf(dsl
                .selectDistinct(SYNC_SCOPE.SCOPE_KEY)
                .from(SYNC_RUN).join(SYNC_SCOPE).on(SYNC_SCOPE.SCOPE_ID.eq(SYNC_RUN.SCOPE_ID))
                .where(succeededRunsOf(kind, customer))
                .fetch(SYNC_SCOPE.SCOPE_KEY)));
    }

    /**
     * The open run {@code run}, inside a write transaction of a resource's snapshot store, checked to be a run of
     * {@code scope} (same kind, owner and key) that has not stored a snapshot yet.
     */
    public static SyncRunRecord runForSnapshot(DSLContext tx, SyncRunId run, SyncScope scope) {
        SyncRunRecord record = openRun(tx, run);
        if (!scopeId(tx, scope).map(id -> id.equals(record.getScopeId())).orElse(false)) {
            throw new IllegalArgumentException("run " + run.value() + " was started for another scope");
        }
        if (Boolean.TRUE.equals(record.getSnapshotStored())) {
            throw new StoreException(Reason.UNEXPECTED, "sync run " + run.value() + " has already stored its snapshot");
        }
        return record;
    }

    /** Records, in the snapshot's own transaction, that the run stored its snapshot. */
    public static void snapshotStored(DSLContext tx, SyncRunId run) {
        tx.update(SYNC_RUN).set(SYNC_RUN.SNAPSHOT_STORED, true).where(SYNC_RUN.RUN_ID.eq(run.value())).execute();
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

    /**
     * What sync_scope.customer_id and a resource's item rows hold for the owner of {@code scope}: the customer's id,
     * or {@link #PARTNER_OWNER} for the partner's own scopes (no GUID is empty, so the two never meet).
     */
    public static String ownerOf(SyncScope scope) {
        if (scope instanceof CustomerScope customerScope) {
            return customerScope.customer().toString();
        }
        if (scope instanceof PartnerScope) {
            return PARTNER_OWNER;
        }
        // SyncScope is sealed to these two; Java 17 has no exhaustive switch over types to say so at compile time.
        throw new IllegalStateException("a sync scope of neither a customer nor the partner: " + scope.getClass());
    }

    private static Condition succeededRunsOf(ResourceKind kind, CustomerId customer) {
        return SYNC_SCOPE.RESOURCE_KIND.eq(kind.name())
                .and(SYNC_SCOPE.CUSTOMER_ID.eq(customer.toString()))
                .and(SYNC_RUN.OUTCOME.eq("succeeded"));
    }

    private static Condition sameScope(SyncScope scope) {
        return SYNC_SCOPE.RESOURCE_KIND.eq(scope.kind().name())
                .and(SYNC_SCOPE.CUSTOMER_ID.eq(ownerOf(scope)))
                .and(SYNC_SCOPE.SCOPE_KEY.eq(scope.key()));
    }

    private static Optional<Long> scopeId(DSLContext tx, SyncScope scope) {
        return tx.select(SYNC_SCOPE.SCOPE_ID).from(SYNC_SCOPE).where(sameScope(scope)).fetchOptional(SYNC_SCOPE.SCOPE_ID);
    }

    /**
     * The scope's id, its row added if it has none. Two processes may add the same scope at once (on PostgreSQL); the
     * second one's insert does nothing once the first commits, and the select after it finds the first one's row.
     */
    private static long createScope(DSLContext tx, SyncScope scope) {
        tx.insertInto(SYNC_SCOPE)
                .set(SYNC_SCOPE.RESOURCE_KIND, scope.kind().name())
                .set(SYNC_SCOPE.CUSTOMER_ID, ownerOf(scope))
                .set(SYNC_SCOPE.SCOPE_KEY, scope.key())
                .onConflictDoNothing()
                .execute();
        return scopeId(tx, scope).orElseThrow(() -> new IllegalStateException("sync scope " + scope.key()
                + " of " + ownerOf(scope) + " neither added nor found"));
    }
}
