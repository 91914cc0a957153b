package dev.pcorders.application.order.testing;

import dev.pcorders.application.order.port.out.CachedOrderReader;
import dev.pcorders.application.order.port.out.OrderChangeLog;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.application.shared.testing.InMemorySyncRunLog;
import dev.pcorders.application.shared.testing.InMemorySyncRunLog.RunRecord;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderChange;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderDifference;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Money;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ResellerId;
import dev.pcorders.domain.shared.ResourceKind;
import dev.pcorders.domain.shared.SyncRunId;
import dev.pcorders.domain.shared.SyncScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The order cache's ports in memory: the reference the SQLite adapter is tested against, and a fake for service
 * tests. One view per (customer, order id), as the ports define it. It records runs of orders only. Thread-safe by
 * one lock; not meant for volume.
 */
public final class InMemoryOrderCache
        implements SyncRunLog, SnapshotStore<OrderScope, Order>, CachedOrderReader, OrderChangeLog {

    /** Orders are identified per customer: Partner Center only promises unique ids within one. */
    public record OrderKey(CustomerId customer, OrderId id) {
    }

    // Run-log calls still take this cache's lock, so a run cannot be finished while its snapshot is being replaced.
    private final InMemorySyncRunLog runLog = new InMemorySyncRunLog();
    private final Map<OrderKey, CachedOrder> view = new HashMap<>();
    private final Map<OrderKey, Set<ResellerId>> seenUnderReseller = new HashMap<>();
    private final List<OrderChange> changes = new ArrayList<>();

    @Override
    public synchronized SyncRunId startRun(SyncScope scope, CorrelationId correlationId, Instant startedAt) {
        if (!(Objects.requireNonNull(scope) instanceof OrderScope)) {
            throw new IllegalArgumentException("this in-memory cache records order syncs only, not " + scope.kind());
        }
        return runLog.startRun(scope, correlationId, startedAt);
    }

    @Override
    public synchronized SnapshotSummary replaceSnapshot(SyncRunId run, OrderScope scope, Iterator<Page<Order>> pages) {
        RunRecord record = runLog.openRunFor(run, scope);
        Map<OrderKey, Order> sent = new LinkedHashMap<>();
        long pageCount = 0;
        int lastPageNumber = -1;
        // Everything is staged first and published at the end, so a failing iterator changes nothing.
        while (pages.hasNext()) {
            Page<Order> page = pages.next();
            if (page.pageNumber() != lastPageNumber) {
                pageCount++;
                lastPageNumber = page.pageNumber();
            }
            for (Order order : page.items()) {
                sent.put(new OrderKey(order.referenceCustomerId(), order.id()), order);
            }
        }
        Map<OrderKey, CachedOrder> next = new LinkedHashMap<>();
        List<OrderChange> found = new ArrayList<>();
        long lineItems = 0;
        long added = 0;
        long changed = 0;
        for (Map.Entry<OrderKey, Order> entry : sent.entrySet()) {
            CachedOrder before = view.get(entry.getKey());
            CachedOrder after = CachedOrder.afterSync(entry.getValue(), scope.includePrice(), record.startedAt(),
                    Optional.ofNullable(before));
            next.put(entry.getKey(), after);
            lineItems += after.order().lineItems().size();
            if (before == null) {
                added++;
                found.add(change(record, after.order(), OrderDifference.added(after.order())));
            } else {
                List<OrderDifference> differences = OrderDifference.between(before.order(), after.order());
                if (!differences.isEmpty()) {
                    changed++;
                    differences.forEach(difference -> found.add(change(record, after.order(), difference)));
                }
            }
        }
        List<OrderKey> gone = new ArrayList<>();
        for (Map.Entry<OrderKey, CachedOrder> entry : view.entrySet()) {
            OrderKey key = entry.getKey();
            boolean seen = scope.reseller().map(reseller -> seenUnderReseller.getOrDefault(key, Set.of()).contains(reseller))
                    .orElse(false);
            if (!next.containsKey(key) && scope.covers(entry.getValue().order(), seen)) {
                gone.add(key);
                found.add(change(record, entry.getValue().order(), OrderDifference.removed(entry.getValue().order())));
            }
        }
        view.putAll(next);
        for (OrderKey key : gone) {
            view.remove(key);
            seenUnderReseller.remove(key);
        }
        scope.reseller().ifPresent(reseller -> next.keySet().forEach(key ->
                seenUnderReseller.computeIfAbsent(key, k -> new HashSet<>()).add(reseller)));
        changes.addAll(found);
        return new SnapshotSummary(pageCount, next.size(), lineItems, added, changed, gone.size());
    }

    private static OrderChange change(RunRecord run, Order order, OrderDifference difference) {
        return new OrderChange(run.id(), run.startedAt(), order.referenceCustomerId(), order.id(), difference);
    }

    @Override
    public synchronized void finishRun(SyncRunId run, SyncRunOutcome outcome) {
        runLog.finishRun(run, outcome);
    }

    /** The runs recorded so far, oldest first. */
    public synchronized List<RunRecord> runs() {
        return runLog.runs();
    }

    private List<CachedOrder> cached() {
        return view.values().stream()
                .sorted(Comparator.comparing((CachedOrder cached) -> cached.order().creationDate())
                        .thenComparing(cached -> cached.order().id())
                        .thenComparing(cached -> cached.order().referenceCustomerId()))
                .toList();
    }

    private static boolean matching(OrderCriteria criteria, CachedOrder cached) {
        return criteria.matches(cached.order());
    }

    @Override
    public synchronized List<CachedOrder> findOrders(OrderCriteria criteria, long offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return cached().stream().filter(cached -> matching(criteria, cached)).skip(offset).limit(limit).toList();
    }

    @Override
    public void forEachOrder(OrderCriteria criteria, Consumer<CachedOrder> action) {
        List<CachedOrder> matching;
        synchronized (this) {
            matching = cached().stream().filter(cached -> matching(criteria, cached)).toList();
        }
        // Outside the lock, like the SQLite store's read transaction, which does not hold up writers.
        matching.forEach(action);
    }

    @Override
    public synchronized long countOrders(OrderCriteria criteria) {
        return cached().stream().filter(cached -> matching(criteria, cached)).count();
    }

    @Override
    public synchronized List<Money> totalsByCurrency(OrderCriteria criteria) {
        Map<CurrencyCode, BigDecimal> totals = new TreeMap<>();
        cached().stream().filter(cached -> matching(criteria, cached)).forEach(cached -> cached.order().totalPriceMoney()
                .ifPresent(money -> totals.merge(money.currency(), money.amount(), BigDecimal::add)));
        return totals.entrySet().stream().map(entry -> new Money(entry.getValue(), entry.getKey())).toList();
    }

    @Override
    public synchronized List<CachedOrder> findOrdersById(OrderId id) {
        return cached().stream().filter(cached -> cached.order().id().equals(id)).toList();
    }

    @Override
    public synchronized List<CachedOrder> findOrdersByAlternateId(String alternateId) {
        Objects.requireNonNull(alternateId, "alternateId");
        return cached().stream().filter(cached -> cached.order().alternateId().filter(alternateId::equals).isPresent()).toList();
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
    public synchronized List<OrderChange> findChanges(Optional<CustomerId> customer, Optional<SyncRunId> run) {
        return changes.stream()
                .filter(change -> customer.map(change.customer()::equals).orElse(true))
                .filter(change -> run.map(change.run()::equals).orElse(true))
                .toList();
    }
}
