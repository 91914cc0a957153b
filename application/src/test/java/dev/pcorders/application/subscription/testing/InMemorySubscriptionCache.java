package dev.pcorders.application.subscription.testing;

import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.application.shared.testing.InMemorySyncRunLog;
import dev.pcorders.application.shared.testing.InMemorySyncRunLog.RunRecord;
import dev.pcorders.application.subscription.port.out.CachedSubscriptionReader;
import dev.pcorders.application.subscription.port.out.SubscriptionChangeLog;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ResourceKind;
import dev.pcorders.domain.shared.SyncRunId;
import dev.pcorders.domain.shared.SyncScope;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionChange;
import dev.pcorders.domain.subscription.SubscriptionCriteria;
import dev.pcorders.domain.subscription.SubscriptionDifference;
import dev.pcorders.domain.subscription.SubscriptionId;
import dev.pcorders.domain.subscription.SubscriptionScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The subscription cache's ports in memory: the reference the SQLite adapter is tested against, and a fake for
 * service tests. One view per (customer, subscription id). It records runs of subscription scopes only. Thread-safe
 * by one lock; not meant for volume.
 */
public final class InMemorySubscriptionCache implements SyncRunLog, SnapshotStore<SubscriptionScope, Subscription>,
        CachedSubscriptionReader, SubscriptionChangeLog {

    /** Subscriptions are identified per customer. */
    public record SubscriptionKey(CustomerId customer, SubscriptionId id) {
        static SubscriptionKey of(Subscription subscription) {
            return new SubscriptionKey(subscription.customer(), subscription.id());
        }
    }

    private static final Comparator<Subscription> ORDER = Comparator.comparing(Subscription::creationDate)
            .thenComparing(Subscription::id).thenComparing(Subscription::customer);

    // Run-log calls still take this cache's lock, so a run cannot be finished while its snapshot is being replaced.
    private final InMemorySyncRunLog runLog = new InMemorySyncRunLog();
    private final Map<SubscriptionKey, Subscription> view = new HashMap<>();
    private final List<SubscriptionChange> changes = new ArrayList<>();

    @Override
    public synchronized SyncRunId startRun(SyncScope scope, CorrelationId correlationId, Instant startedAt) {
        if (!(Objects.requireNonNull(scope) instanceof SubscriptionScope)) {
            throw new IllegalArgumentException("this in-memory cache records subscription syncs only, not " + scope.kind());
        }
        return runLog.startRun(scope, correlationId, startedAt);
    }

    @Override
    public synchronized SnapshotSummary replaceSnapshot(SyncRunId run, SubscriptionScope scope,
                                                        Iterator<Page<Subscription>> pages) {
        RunRecord record = runLog.openRunFor(run, scope);
        // Everything is staged first and published at the end, so a failing iterator changes nothing.
        Map<SubscriptionKey, Subscription> sent = new LinkedHashMap<>();
        long pageCount = 0;
        int lastPageNumber = -1;
        while (pages.hasNext()) {
            Page<Subscription> page = pages.next();
            if (page.pageNumber() != lastPageNumber) {
                pageCount++;
                lastPageNumber = page.pageNumber();
            }
            page.items().forEach(subscription -> sent.put(SubscriptionKey.of(subscription), subscription));
        }
        List<SubscriptionChange> found = new ArrayList<>();
        long added = 0;
        long changed = 0;
        for (Map.Entry<SubscriptionKey, Subscription> entry : sent.entrySet()) {
            Subscription before = view.get(entry.getKey());
            Subscription after = entry.getValue();
            if (before == null) {
                added++;
                found.add(change(record, after, SubscriptionDifference.added(after)));
            } else {
                List<SubscriptionDifference> differences = SubscriptionDifference.between(before, after);
                if (!differences.isEmpty()) {
                    changed++;
                    differences.forEach(difference -> found.add(change(record, after, difference)));
                }
            }
        }
        List<SubscriptionKey> gone = new ArrayList<>();
        view.forEach((key, subscription) -> {
            if (!sent.containsKey(key) && scope.covers(subscription)) {
                gone.add(key);
                found.add(change(record, subscription, SubscriptionDifference.removed(subscription)));
            }
        });
        view.putAll(sent);
        gone.forEach(view::remove);
        changes.addAll(found);
        return new SnapshotSummary(pageCount, sent.size(), 0, added, changed, gone.size());
    }

    private static SubscriptionChange change(RunRecord run, Subscription subscription, SubscriptionDifference difference) {
        return new SubscriptionChange(run.id(), run.startedAt(), subscription.customer(), subscription.id(), difference);
    }

    @Override
    public synchronized void finishRun(SyncRunId run, SyncRunOutcome outcome) {
        runLog.finishRun(run, outcome);
    }

    /** The runs recorded so far, oldest first. */
    public synchronized List<RunRecord> runs() {
        return runLog.runs();
    }

    private List<Subscription> matching(SubscriptionCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        return view.values().stream().filter(criteria::matches).sorted(ORDER).toList();
    }

    @Override
    public synchronized List<Subscription> findSubscriptions(SubscriptionCriteria criteria, long offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return matching(criteria).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public void forEachSubscription(SubscriptionCriteria criteria, Consumer<Subscription> action) {
        List<Subscription> matching;
        synchronized (this) {
            matching = matching(criteria);
        }
        // Outside the lock, like the SQLite store's read transaction, which does not hold up writers.
        matching.forEach(action);
    }

    @Override
    public synchronized long countSubscriptions(SubscriptionCriteria criteria) {
        return matching(criteria).size();
    }

    @Override
    public synchronized List<Subscription> findSubscriptionsById(SubscriptionId id) {
        Objects.requireNonNull(id, "id");
        return view.values().stream().filter(subscription -> subscription.id().equals(id)).sorted(ORDER).toList();
    }

    @Override
    public synchronized Optional<String> lastSucceededScopeKey(ResourceKind kind, CustomerId customer) {
        return runLog.lastSucceededScopeKey(kind, customer);
    }

    @Override
    public synchronized List<String> succeededScopeKeys(ResourceKind kind, CustomerId customer) {
        return runLog.succeededScopeKeys(kind, customer);
    }

    @Override
    public synchronized List<SubscriptionChange> findChanges(Optional<CustomerId> customer, Optional<SyncRunId> run) {
        return changes.stream()
                .filter(change -> customer.map(change.customer()::equals).orElse(true))
                .filter(change -> run.map(change.run()::equals).orElse(true))
                .toList();
    }
}
