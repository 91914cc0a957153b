package dev.pcorders.adapter.persistence.subscription;

import dev.pcorders.adapter.persistence.jooq.tables.records.StoredSubscriptionRecord;
import dev.pcorders.adapter.persistence.store.ChangeTable;
import dev.pcorders.adapter.persistence.store.ItemChange;
import dev.pcorders.adapter.persistence.store.ItemKey;
import dev.pcorders.adapter.persistence.store.ItemTable;
import dev.pcorders.adapter.persistence.store.SnapshotRows;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionDifference;
import dev.pcorders.domain.subscription.SubscriptionScope;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import static dev.pcorders.adapter.persistence.jooq.Tables.STORED_SUBSCRIPTION;
import static dev.pcorders.adapter.persistence.jooq.Tables.SUBSCRIPTION_CHANGE;
import static dev.pcorders.adapter.persistence.jooq.Tables.SUBSCRIPTION_LINK;

/**
 * Subscriptions for the snapshot writer: keyed by (customer, subscription id), written by {@link SubscriptionBatches},
 * read back by {@link StoredSubscriptionReader}, compared by {@link SubscriptionDifference}. The cache keeps a
 * subscription as sent (no view of its own), and a {@link SubscriptionScope} covers every subscription of its customer.
 */
final class SubscriptionSnapshotRows implements SnapshotRows<Subscription, StoredSubscriptionRecord, Subscription> {

    static final ItemTable<StoredSubscriptionRecord> SUBSCRIPTIONS = new ItemTable<>(STORED_SUBSCRIPTION,
            STORED_SUBSCRIPTION.ROW_ID, STORED_SUBSCRIPTION.CUSTOMER_ID, STORED_SUBSCRIPTION.SUBSCRIPTION_ID,
            STORED_SUBSCRIPTION.STORED_BY_RUN, STORED_SUBSCRIPTION.REMOVED_BY_RUN);
    static final ChangeTable CHANGES = new ChangeTable(SUBSCRIPTION_CHANGE, SUBSCRIPTION_CHANGE.CHANGE_ID,
            SUBSCRIPTION_CHANGE.RUN_ID, SUBSCRIPTION_CHANGE.DETECTED_AT, SUBSCRIPTION_CHANGE.CUSTOMER_ID,
            SUBSCRIPTION_CHANGE.SUBSCRIPTION_ID, SUBSCRIPTION_CHANGE.KIND, SUBSCRIPTION_CHANGE.NESTED_NUMBER,
            SUBSCRIPTION_CHANGE.BEFORE_VALUE, SUBSCRIPTION_CHANGE.AFTER_VALUE);

    private final SubscriptionBatches rows;

    SubscriptionSnapshotRows(DSLContext tx, Connection connection) {
        // The writer holds SQLite's write lock (BEGIN IMMEDIATE), so nobody else can take these ids.
        long nextLinkId = tx.select(DSL.coalesce(DSL.max(SUBSCRIPTION_LINK.LINK_ID), 0L)).from(SUBSCRIPTION_LINK)
                .fetchSingle().value1() + 1;
        this.rows = new SubscriptionBatches(tx, connection, nextLinkId);
    }

    @Override
    public ItemKey keyOf(Subscription subscription) {
        return new ItemKey(subscription.customer().toString(), subscription.id().value());
    }

    @Override
    public List<Subscription> read(DSLContext tx, List<StoredSubscriptionRecord> current) {
        return StoredSubscriptionReader.read(tx, current);
    }

    @Override
    public Subscription afterSync(Subscription subscription, Optional<Subscription> before) {
        return subscription;
    }

    @Override
    public List<ItemChange> compare(Optional<Subscription> before, Subscription after) {
        List<SubscriptionDifference> differences = before.isEmpty()
                ? List.of(SubscriptionDifference.added(after))
                : SubscriptionDifference.between(before.get(), after);
        List<ItemChange> changes = new ArrayList<>(differences.size());
        for (SubscriptionDifference difference : differences) {
            changes.add(new ItemChange(difference.kind().name(), OptionalInt.empty(), difference.before(), difference.after()));
        }
        return changes;
    }

    @Override
    public void addRows(long rowId, long scopeId, long runId, Subscription subscription) {
        rows.add(rowId, scopeId, runId, subscription);
    }

    @Override
    public void executeRows() {
        rows.execute();
    }

    /** SubscriptionDifference.removed(subscription): the status as sent before, nothing after. */
    @Override
    public Field<String> removedBefore() {
        return STORED_SUBSCRIPTION.STATUS;
    }

    @Override
    public void close() {
        rows.close();
    }
}
