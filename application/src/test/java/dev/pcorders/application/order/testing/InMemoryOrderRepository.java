package dev.pcorders.application.order.testing;

import dev.pcorders.application.order.port.out.OrderRepository;
import dev.pcorders.application.order.port.out.OrderStoreException;
import dev.pcorders.application.order.port.out.SnapshotSummary;
import dev.pcorders.application.order.port.out.SyncRunOutcome;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderChange;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderDifference;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderPage;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.order.SyncRunId;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Money;
import java.math.BigDecimal;
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
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The {@link OrderRepository} contract in memory: the reference the SQLite adapter is tested
 * against, and a fake for service tests. Thread-safe by one lock; not meant for volume.
 */
public final class InMemoryOrderRepository implements OrderRepository {

    /** Orders are identified per customer: Partner Center only promises unique ids within one. */
    public record OrderKey(CustomerId customer, OrderId id) {
    }

    public record RunRecord(SyncRunId id, OrderScope scope, CorrelationId correlationId, Instant startedAt,
                            Optional<SyncRunOutcome> outcome) {
    }

    private record Stored(Order order, SyncRunId storedBy) {
    }

    private final Map<SyncRunId, RunRecord> runs = new LinkedHashMap<>();
    private final Map<OrderScope, Map<OrderKey, Stored>> snapshots = new HashMap<>();
    private final List<OrderChange> changes = new ArrayList<>();
    private long lastRun;

    @Override
    public synchronized SyncRunId startRun(OrderScope scope, CorrelationId correlationId, Instant startedAt) {
        SyncRunId id = new SyncRunId(++lastRun);
        runs.put(id, new RunRecord(id, Objects.requireNonNull(scope), Objects.requireNonNull(correlationId),
                Objects.requireNonNull(startedAt), Optional.empty()));
        return id;
    }

    @Override
    public synchronized SnapshotSummary replaceSnapshot(SyncRunId run, OrderScope scope, Iterator<OrderPage> pages) {
        RunRecord record = openRun(run);
        if (!record.scope().equals(scope)) {
            throw new IllegalArgumentException("run " + run.value() + " was started for another scope");
        }
        Map<OrderKey, Stored> previous = snapshots.getOrDefault(scope, Map.of());
        Map<OrderKey, Stored> next = new LinkedHashMap<>();
        List<OrderChange> found = new ArrayList<>();
        long pageCount = 0;
        long lineItems = 0;
        // Everything is staged first and published at the end, so a failing iterator changes nothing.
        while (pages.hasNext()) {
            OrderPage page = pages.next();
            pageCount++;
            for (Order order : page.orders()) {
                OrderKey key = new OrderKey(order.referenceCustomerId(), order.id());
                Stored replaced = next.put(key, new Stored(order, run));
                if (replaced != null) {
                    lineItems -= replaced.order().lineItems().size();
                }
                lineItems += order.lineItems().size();
            }
        }
        long added = 0;
        long changed = 0;
        for (Map.Entry<OrderKey, Stored> entry : next.entrySet()) {
            Stored before = previous.get(entry.getKey());
            Order after = entry.getValue().order();
            if (before == null) {
                added++;
                found.add(change(record, after, OrderDifference.added(after)));
            } else {
                List<OrderDifference> differences = OrderDifference.between(before.order(), after);
                if (!differences.isEmpty()) {
                    changed++;
                    differences.forEach(difference -> found.add(change(record, after, difference)));
                }
            }
        }
        long removed = 0;
        for (Map.Entry<OrderKey, Stored> entry : previous.entrySet()) {
            if (!next.containsKey(entry.getKey())) {
                removed++;
                found.add(change(record, entry.getValue().order(), OrderDifference.removed(entry.getValue().order())));
            }
        }
        snapshots.put(scope, next);
        changes.addAll(found);
        return new SnapshotSummary(pageCount, next.size(), lineItems, added, changed, removed);
    }

    private static OrderChange change(RunRecord run, Order order, OrderDifference difference) {
        return new OrderChange(run.id(), run.startedAt(), order.referenceCustomerId(), order.id(), difference);
    }

    @Override
    public synchronized void finishRun(SyncRunId run, SyncRunOutcome outcome) {
        RunRecord record = openRun(run);
        runs.put(run, new RunRecord(run, record.scope(), record.correlationId(), record.startedAt(),
                Optional.of(Objects.requireNonNull(outcome))));
    }

    private RunRecord openRun(SyncRunId run) {
        RunRecord record = runs.get(run);
        if (record == null) {
            throw new OrderStoreException(OrderStoreException.Reason.UNEXPECTED, "no sync run " + run.value());
        }
        if (record.outcome().isPresent()) {
            throw new OrderStoreException(OrderStoreException.Reason.UNEXPECTED, "sync run " + run.value() + " is already finished");
        }
        return record;
    }

    /** The runs recorded so far, oldest first. */
    public synchronized List<RunRecord> runs() {
        return List.copyOf(runs.values());
    }

    private List<Order> cached() {
        Map<OrderKey, Stored> latest = new HashMap<>();
        for (Map<OrderKey, Stored> snapshot : snapshots.values()) {
            snapshot.forEach((key, stored) -> latest.merge(key, stored,
                    (a, b) -> a.storedBy().value() >= b.storedBy().value() ? a : b));
        }
        return latest.values().stream()
                .map(Stored::order)
                .sorted(Comparator.comparing(Order::creationDate)
                        .thenComparing(Order::id)
                        .thenComparing(Order::referenceCustomerId))
                .toList();
    }

    @Override
    public synchronized List<Order> findOrders(OrderCriteria criteria, long offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return cached().stream().filter(criteria::matches).skip(offset).limit(limit).toList();
    }

    @Override
    public void forEachOrder(OrderCriteria criteria, Consumer<Order> action) {
        List<Order> matching;
        synchronized (this) {
            matching = cached().stream().filter(criteria::matches).toList();
        }
        // Outside the lock, like the SQLite store's read transaction, which does not hold up writers.
        matching.forEach(action);
    }

    @Override
    public synchronized long countOrders(OrderCriteria criteria) {
        return cached().stream().filter(criteria::matches).count();
    }

    @Override
    public synchronized List<Money> totalsByCurrency(OrderCriteria criteria) {
        Map<CurrencyCode, BigDecimal> totals = new TreeMap<>();
        cached().stream().filter(criteria::matches).forEach(order -> order.totalPriceMoney()
                .ifPresent(money -> totals.merge(money.currency(), money.amount(), BigDecimal::add)));
        return totals.entrySet().stream().map(entry -> new Money(entry.getValue(), entry.getKey())).toList();
    }

    @Override
    public synchronized List<Order> findOrdersById(OrderId id) {
        return cached().stream().filter(order -> order.id().equals(id)).toList();
    }

    @Override
    public synchronized List<OrderChange> findChanges(Optional<CustomerId> customer, Optional<SyncRunId> run) {
        return changes.stream()
                .filter(change -> customer.map(change.customer()::equals).orElse(true))
                .filter(change -> run.map(change.run()::equals).orElse(true))
                .toList();
    }
}
