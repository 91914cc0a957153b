package dev.pcorders.adapter.persistence.store;

import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.domain.shared.Page;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Stores one sync of one scope of any resource inside the caller's transaction, a page at a time, so memory holds one
 * page and its previous versions, never the whole scope. The resource says, through {@link SnapshotRows}, how its
 * items are keyed, written, read back and compared.
 *
 * <p>Each item of a page gets a new row stored by this run: its new view ({@link SnapshotRows#afterSync}), whose
 * differences from the current view (found by key whatever scope wrote it, read back in full) go to the change log.
 * The previous row stays until {@link #finish}, so an item sent twice in one sync is compared with the previous view
 * again, not with its own first copy. {@code finish} marks the items that the scope covers and that did not come back
 * as removed, deletes the rows the new ones supersede, and counts.
 */
public final class SnapshotWriter<T, R extends Record, V> implements AutoCloseable {

    /** Item ids per IN list, well under SQLite's limit on bound parameters. */
    private static final int KEYS_PER_QUERY = 500;

    private final DSLContext tx;
    private final Connection connection;
    private final ItemTable<R> items;
    private final ChangeTable log;
    private final long runId;
    private final long scopeId;
    private final String scopeOwner;
    private final Instant detectedAt;
    private final SnapshotRows<T, R, V> rows;
    private final RowBatch changes;
    private long nextRowId;
    private long pages;
    private int lastPageNumber = -1;
    /** Normally the scope's owner alone; an item sent with another customer is kept under that one. */
    private final Set<String> ownersWritten = new LinkedHashSet<>();

    /**
     * Prepares the INSERTs on the transaction's connection ({@code rowsOn} those of the resource's rows); {@link #close}
     * releases them. {@code startedAt}, the run's start, dates its changes.
     */
    public SnapshotWriter(DSLContext tx, ItemTable<R> items, ChangeTable log, long runId, long scopeId, String scopeOwner,
                          Instant startedAt, Function<Connection, SnapshotRows<T, R, V>> rowsOn) {
        this.tx = tx;
        this.items = items;
        this.log = log;
        this.runId = runId;
        this.scopeId = scopeId;
        this.scopeOwner = scopeOwner;
        this.detectedAt = startedAt;
        // Nobody else can take these ids: on SQLite the writer holds the write lock (BEGIN IMMEDIATE), on PostgreSQL the
        // snapshot lock of this table (Transactions.lockForSnapshot, taken before this writer opens).
        this.nextRowId = tx.select(DSL.coalesce(DSL.max(items.rowId()), 0L)).from(items.table()).fetchSingle().value1() + 1;
        this.connection = tx.configuration().connectionProvider().acquire();
        SnapshotRows<T, R, V> itemRows = null;
        try {
            itemRows = rowsOn.apply(connection);
            this.changes = new RowBatch(tx, connection, log.table(), log.changeId());
        } catch (RuntimeException e) {
            try (SnapshotRows<T, R, V> prepared = itemRows) {
                tx.configuration().connectionProvider().release(connection);
            } catch (RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
        this.rows = itemRows;
    }

    public void write(Page<T> page) {
        // Parts of one large response carry its page number: pages count responses, as Partner Center served them.
        if (page.pageNumber() != lastPageNumber) {
            pages++;
            lastPageNumber = page.pageNumber();
        }
        Map<ItemKey, T> sent = new LinkedHashMap<>();
        for (T item : page.items()) {
            ItemKey key = rows.keyOf(item);
            sent.put(key, item);
            ownersWritten.add(key.owner());
        }
        if (sent.isEmpty()) {
            return;
        }
        List<R> previousRows = new ArrayList<>();
        Map<ItemKey, Long> storedEarlierThisRun = new HashMap<>();
        for (R row : existingRows(sent.keySet())) {
            ItemKey key = keyOf(row);
            if (row.get(items.storedByRun()) == runId) {
                storedEarlierThisRun.put(key, row.get(items.rowId()));
            } else if (row.get(items.removedByRun()) == null) {
                previousRows.add(row);
            }
        }
        Map<ItemKey, V> previous = new HashMap<>();
        List<V> previousViews = rows.read(tx, previousRows);
        for (int i = 0; i < previousRows.size(); i++) {
            previous.put(keyOf(previousRows.get(i)), previousViews.get(i));
        }

        BatchBindStep forgetRows = null;
        BatchBindStep forgetChanges = null;
        if (!storedEarlierThisRun.isEmpty()) {
            forgetRows = tx.batch(tx.deleteFrom(items.table())
                    .where(items.rowId().eq(DSL.param(items.rowId()))));
            forgetChanges = tx.batch(tx.deleteFrom(log.table())
                    .where(log.runId().eq(DSL.param(log.runId())))
                    .and(log.owner().eq(DSL.param(log.owner())))
                    .and(log.id().eq(DSL.param(log.id()))));
        }
        for (Map.Entry<ItemKey, T> entry : sent.entrySet()) {
            ItemKey key = entry.getKey();
            Long sentBefore = storedEarlierThisRun.get(key);
            if (sentBefore != null) {
                // Sent again on a later page: the later version wins, and it is compared afresh.
                forgetRows = forgetRows.bind(sentBefore);
                forgetChanges = forgetChanges.bind(runId, key.owner(), key.id());
            }
            Optional<V> before = Optional.ofNullable(previous.get(key));
            V after = rows.afterSync(entry.getValue(), before);
            List<ItemChange> differences = rows.compare(before, after);
            rows.addRows(nextRowId++, scopeId, runId, after);
            for (ItemChange difference : differences) {
                changes.add()
                        .set(log.runId(), runId)
                        .set(log.detectedAt(), detectedAt)
                        .set(log.owner(), key.owner())
                        .set(log.id(), key.id())
                        .set(log.kind(), difference.kind())
                        .set(log.nestedNumber(), difference.nestedNumber().isPresent()
                                ? Integer.valueOf(difference.nestedNumber().getAsInt()) : null)
                        .set(log.before(), difference.before().orElse(null))
                        .set(log.after(), difference.after().orElse(null));
            }
        }
        if (forgetRows != null) {
            forgetChanges.execute();
            forgetRows.execute();
        }
        rows.executeRows();
        changes.execute();
        rows.pageWritten(tx, sent.keySet());
    }

    private ItemKey keyOf(R row) {
        return new ItemKey(row.get(items.owner()), row.get(items.id()));
    }

    private List<R> existingRows(Set<ItemKey> keys) {
        Map<String, List<String>> idsByOwner = keys.stream().collect(Collectors.groupingBy(ItemKey::owner,
                LinkedHashMap::new, Collectors.mapping(ItemKey::id, Collectors.toList())));
        List<R> found = new ArrayList<>();
        idsByOwner.forEach((customer, ids) -> {
            for (int from = 0; from < ids.size(); from += KEYS_PER_QUERY) {
                found.addAll(PreviousRows.of(tx, items, customer, ids.subList(from, Math.min(ids.size(), from + KEYS_PER_QUERY)))
                        .fetchInto(items.table()));
            }
        });
        return found;
    }

    public SnapshotSummary finish() {
        Table<R> again = items.table().as("again");
        // Every other run's rows, not only those of runs started earlier: syncs may overlap, and the one that
        // commits last must leave only its own version of each item it stored, whichever run began first.
        Condition storedAgain = DSL.exists(DSL.selectOne().from(again)
                .where(again.field(items.owner()).eq(items.owner()))
                .and(again.field(items.id()).eq(items.id()))
                .and(again.field(items.storedByRun()).eq(runId)));
        // Every statement below names the owners this run touched, so it reads their rows through an index
        // instead of every customer's: a partner's cache holds thousands of customers.
        Set<String> owners = new LinkedHashSet<>(ownersWritten);
        owners.add(scopeOwner);
        Condition ofTheseOwners = items.owner().in(owners);
        Condition otherRuns = ofTheseOwners.and(items.storedByRun().ne(runId));
        Condition ofScopeOwner = items.owner().eq(scopeOwner);
        Condition gone = ofScopeOwner.and(items.storedByRun().ne(runId))
                .and(items.removedByRun().isNull())
                .and(rows.covered())
                .andNot(storedAgain);

        tx.insertInto(log.table(), log.runId(), log.detectedAt(), log.owner(), log.id(), log.kind(), log.before())
                .select(DSL.select(DSL.val(runId, log.runId()), DSL.val(detectedAt, log.detectedAt()),
                                items.owner(), items.id(), DSL.val(ItemChange.REMOVED, log.kind()), rows.removedBefore())
                        .from(items.table())
                        .where(gone)
                        .orderBy(items.rowId()))
                .execute();
        tx.update(items.table()).set(items.removedByRun(), runId).where(gone).execute();
        // After the update: `gone` itself may ask what the resource remembers of these rows (SnapshotRows#covered).
        rows.itemsRemoved(tx, ofScopeOwner.and(items.removedByRun().eq(runId)));
        tx.deleteFrom(items.table()).where(otherRuns.and(storedAgain)).execute();

        Condition thisRun = ofTheseOwners.and(items.storedByRun().eq(runId));
        long stored = tx.fetchCount(items.table(), thisRun);
        long nested = rows.countNested(tx, thisRun);
        Condition ofRun = log.runId().eq(runId);
        long added = tx.fetchCount(log.table(), ofRun.and(log.kind().eq(ItemChange.ADDED)));
        long removed = tx.fetchCount(log.table(), ofRun.and(log.kind().eq(ItemChange.REMOVED)));
        long changed = tx.fetchCount(tx.selectDistinct(log.owner(), log.id())
                .from(log.table())
                .where(ofRun)
                .and(log.kind().notIn(ItemChange.ADDED, ItemChange.REMOVED)));
        return new SnapshotSummary(pages, stored, nested, added, changed, removed);
    }

    /** Closes the prepared INSERTs; the transaction itself is the caller's to commit or roll back. */
    @Override
    public void close() {
        try (rows; changes) {
            tx.configuration().connectionProvider().release(connection);
        }
    }
}
