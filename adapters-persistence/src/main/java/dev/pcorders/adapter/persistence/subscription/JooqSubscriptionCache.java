package dev.pcorders.adapter.persistence.subscription;

import dev.pcorders.adapter.persistence.jooq.tables.records.StoredSubscriptionRecord;
import dev.pcorders.adapter.persistence.jooq.tables.records.SubscriptionChangeRecord;
import dev.pcorders.adapter.persistence.store.KeysetBatches;
import dev.pcorders.adapter.persistence.store.SnapshotTransaction;
import dev.pcorders.adapter.persistence.store.JooqSyncRunLog;
import dev.pcorders.adapter.persistence.store.Transactions;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.subscription.port.out.CachedSubscriptionReader;
import dev.pcorders.application.subscription.port.out.SubscriptionChangeLog;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.SyncRunId;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionChange;
import dev.pcorders.domain.subscription.SubscriptionCriteria;
import dev.pcorders.domain.subscription.SubscriptionDifference;
import dev.pcorders.domain.subscription.SubscriptionId;
import dev.pcorders.domain.subscription.SubscriptionScope;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;

import static dev.pcorders.adapter.persistence.jooq.Tables.SUBSCRIPTION_CHANGE;

/**
 * The subscription cache's ports on either store, in the transactions of {@link Transactions}; the runs are the store's
 * {@link JooqSyncRunLog}, shared with every other resource.
 */
final class JooqSubscriptionCache implements SnapshotStore<SubscriptionScope, Subscription>, CachedSubscriptionReader,
        SubscriptionChangeLog {

    /** Subscriptions held at once by {@link #forEachSubscription}, as orders are by the order cache. */
    static final int SUBSCRIPTIONS_PER_BATCH = 1_000;

    private final Transactions transactions;
    private final SnapshotTransaction<Subscription, StoredSubscriptionRecord, Subscription> snapshots;
    private final KeysetBatches<StoredSubscriptionRecord, Subscription> batches;

    JooqSubscriptionCache(Transactions transactions) {
        this.transactions = transactions;
        this.snapshots = new SnapshotTransaction<>(transactions, SubscriptionSnapshotRows.SUBSCRIPTIONS,
                SubscriptionSnapshotRows.CHANGES);
        this.batches = new KeysetBatches<>(transactions, SUBSCRIPTIONS_PER_BATCH);
    }

    @Override
    public SnapshotSummary replaceSnapshot(SyncRunId run, SubscriptionScope scope, Iterator<Page<Subscription>> pages) {
        return snapshots.replace(run, scope, pages, (tx, connection, startedAt) -> new SubscriptionSnapshotRows(tx, connection));
    }

    @Override
    public List<Subscription> findSubscriptions(SubscriptionCriteria criteria, long offset, int limit) {
        Objects.requireNonNull(criteria, "criteria");
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        if (limit == 0) {
            return List.of();
        }
        return transactions.inReadTransaction("read cached subscriptions",
                dsl -> StoredSubscriptionReader.read(dsl, SubscriptionQueries.page(dsl, criteria, offset, limit).fetch()));
    }

    @Override
    public void forEachSubscription(SubscriptionCriteria criteria, Consumer<Subscription> action) {
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(action, "action");
        batches.forEach("cached subscriptions", new KeysetBatches.Queries<StoredSubscriptionRecord, Subscription>() {
            @Override
            public List<StoredSubscriptionRecord> first(DSLContext dsl, int size) {
                return SubscriptionQueries.page(dsl, criteria, 0, size).fetch();
            }

            @Override
            public List<StoredSubscriptionRecord> after(DSLContext dsl, StoredSubscriptionRecord last, int size) {
                return SubscriptionQueries.after(dsl, criteria, last, size).fetch();
            }

            @Override
            public List<Subscription> read(DSLContext dsl, List<StoredSubscriptionRecord> rows) {
                return StoredSubscriptionReader.read(dsl, rows);
            }
        }, action);
    }

    @Override
    public long countSubscriptions(SubscriptionCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        return transactions.inReadTransaction("count cached subscriptions",
                dsl -> (long) dsl.fetchValue(SubscriptionQueries.count(dsl, criteria)));
    }

    @Override
    public List<Subscription> findSubscriptionsById(SubscriptionId id) {
        Objects.requireNonNull(id, "id");
        return transactions.inReadTransaction("read cached subscription " + id.value(),
                dsl -> StoredSubscriptionReader.read(dsl, SubscriptionQueries.byId(dsl, id).fetch()));
    }

    @Override
    public List<SubscriptionChange> findChanges(Optional<CustomerId> customer, Optional<SyncRunId> run) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(run, "run");
        return transactions.inReadTransaction("read the subscription change log", dsl -> {
            List<Condition> conditions = new ArrayList<>();
            customer.ifPresent(value -> conditions.add(SUBSCRIPTION_CHANGE.CUSTOMER_ID.eq(value.toString())));
            run.ifPresent(value -> conditions.add(SUBSCRIPTION_CHANGE.RUN_ID.eq(value.value())));
            List<SubscriptionChange> changes = new ArrayList<>();
            for (SubscriptionChangeRecord row : dsl.selectFrom(SUBSCRIPTION_CHANGE).where(conditions)
                    .orderBy(SUBSCRIPTION_CHANGE.CHANGE_ID)) {
                changes.add(new SubscriptionChange(new SyncRunId(row.getRunId()), row.getDetectedAt(),
                        CustomerId.parse(row.getCustomerId()), SubscriptionId.of(row.getSubscriptionId()),
                        new SubscriptionDifference(SubscriptionDifference.Kind.valueOf(row.getKind()),
                                Optional.ofNullable(row.getBeforeValue()), Optional.ofNullable(row.getAfterValue()))));
            }
            return List.copyOf(changes);
        });
    }
}
