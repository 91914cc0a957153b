package dev.pcorders.application.order.testing;

import static dev.pcorders.domain.order.TestOrders.CREATED;
import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.OTHER_CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.OTHER_OFFER;
import static dev.pcorders.domain.order.TestOrders.RESELLER;
import static dev.pcorders.domain.order.TestOrders.aFullOrder;
import static dev.pcorders.domain.order.TestOrders.aLineItem;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static dev.pcorders.domain.order.TestOrders.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.ChangeKind;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderChange;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.OrderLinks;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.order.OrderTransactionType;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.order.TestOrders;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Money;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ResellerId;
import dev.pcorders.domain.shared.ResourceAttributes;
import dev.pcorders.domain.shared.SyncRunId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every order cache (its {@link dev.pcorders.application.shared.port.out.SyncRunLog}, snapshot store, reader and
 * change log) promises, run against the in-memory reference and the SQLite adapter alike. An implementation's test
 * extends this and supplies a fresh, empty cache.
 */
public abstract class OrderCacheContract {

    private static final OrderScope SCOPE = OrderScope.allOrdersOf(CUSTOMER);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private OrderCache cache;
    private long runClock;

    /** A new cache with nothing stored. */
    protected abstract OrderCache newCache();

    @BeforeEach
    void createCache() {
        cache = newCache();
    }

    private Optional<OrderScope> lastSucceededScope(CustomerId customer) {
        return cache.runLog().lastSucceededScopeKey(OrderScope.KIND, customer).map(key -> OrderScope.fromKey(customer, key));
    }

    private boolean syncedSystemPurchases(CustomerId customer) {
        return cache.runLog().succeededScopeKeys(OrderScope.KIND, customer).stream()
                .anyMatch(key -> OrderScope.fromKey(customer, key).includeSystemPurchases());
    }

    /** Stores {@code pages} as one successful run of {@code scope}, the way the sync service does. */
    protected SnapshotSummary sync(OrderScope scope, Page<Order>... pages) {
        SyncRunId run = cache.runLog().startRun(scope, CorrelationId.random(), T0.plus(Duration.ofMinutes(++runClock)));
        SnapshotSummary summary = cache.snapshots().replaceSnapshot(run, scope, List.of(pages).iterator());
        cache.runLog().finishRun(run, SyncRunOutcome.succeeded(T0.plus(Duration.ofMinutes(runClock)), summary));
        return summary;
    }

    private List<Order> all() {
        return findOrders(OrderCriteria.ALL, 0, 10_000);
    }

    private List<Order> findOrders(OrderCriteria criteria, long offset, int limit) {
        return cache.orders().findOrders(criteria, offset, limit).stream().map(CachedOrder::order).toList();
    }

    private List<Order> ordersById(OrderId id) {
        return cache.orders().findOrdersById(id).stream().map(CachedOrder::order).toList();
    }

    private CachedOrder cached(String orderId) {
        List<CachedOrder> found = cache.orders().findOrdersById(OrderId.of(orderId));
        assertThat(found).as("cached orders with id " + orderId).hasSize(1);
        return found.get(0);
    }

    /** The changes the latest run that logged any logged, as "id KIND". */
    private List<String> latestChanges() {
        List<OrderChange> changes = cache.changes().findChanges(Optional.empty(), Optional.empty());
        long lastRun = changes.stream().mapToLong(change -> change.run().value()).max().orElse(0);
        return changes.stream().filter(change -> change.run().value() == lastRun)
                .map(change -> change.orderId().value() + " " + change.kind()).toList();
    }

    @Test
    void anEmptyRepositoryHasNoOrdersNoChangesAndNoTotals() {
        assertThat(all()).isEmpty();
        assertThat(cache.orders().countOrders(OrderCriteria.ALL)).isZero();
        assertThat(cache.orders().totalsByCurrency(OrderCriteria.ALL)).isEmpty();
        assertThat(cache.changes().findChanges(Optional.empty(), Optional.empty())).isEmpty();
        assertThat(ordersById(OrderId.of("ord-0001"))).isEmpty();
    }

    @Test
    void anOrderIsFoundByItsAlternateIdWhileCached() {
        sync(SCOPE, page(1, anOrder("a").alternateId("alt-shared").build(), anOrder("b").alternateId("alt-b").build()));

        assertThat(cache.orders().findOrdersByAlternateId("alt-b")).extracting(cached -> cached.order().id().value()).containsExactly("b");
        assertThat(cache.orders().findOrdersByAlternateId("b")).isEmpty();
        sync(SCOPE, page(1, anOrder("a").alternateId("alt-shared").build()));
        assertThat(cache.orders().findOrdersByAlternateId("alt-b")).isEmpty();
    }

    @Test
    void aFirstSnapshotAddsEveryOrder() {
        SnapshotSummary summary = sync(SCOPE, page(1, anOrder("a").build(), anOrder("b").build()), page(2, anOrder("c").build()));

        assertThat(summary).isEqualTo(new SnapshotSummary(2, 3, 3, 3, 0, 0));
        assertThat(all()).extracting(order -> order.id().value()).containsExactly("a", "b", "c");
        List<OrderChange> changes = cache.changes().findChanges(Optional.empty(), Optional.empty());
        assertThat(changes).extracting(OrderChange::kind).containsOnly(ChangeKind.ADDED).hasSize(3);
        assertThat(changes).extracting(change -> change.orderId().value()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void partsOfOneResponseCountAsOnePage() {
        SnapshotSummary summary = sync(SCOPE, page(1, anOrder("a").build()), page(1, anOrder("b").build()),
                page(2, anOrder("c").build()));

        assertThat(summary).isEqualTo(new SnapshotSummary(2, 3, 3, 3, 0, 0));
    }

    @Test
    void aSecondSnapshotRecordsStatusQuantityPriceRemovalAndAddition() {
        sync(SCOPE, page(1, anOrder("kept").build(), anOrder("cancelled").build(), anOrder("grown").build(),
                anOrder("repriced").build(), anOrder("gone").build()));
        Order grown = anOrder("grown").lineItems(List.of(aLineItem(0).quantity(9).build())).build();
        Order cancelled = anOrder("cancelled").status(OrderStatus.CANCELLED).build();
        Order repriced = anOrder("repriced").totalPrice(Amount.parse("13.00")).build();

        SnapshotSummary summary = sync(SCOPE, page(1, anOrder("kept").build(), cancelled, grown, repriced,
                anOrder("new").build()));

        assertThat(summary).isEqualTo(new SnapshotSummary(1, 5, 5, 1, 3, 1));
        assertThat(summary.unchanged()).isEqualTo(1);
        SyncRunId second = cache.changes().findChanges(Optional.empty(), Optional.empty()).stream()
                .map(OrderChange::run).max(java.util.Comparator.comparingLong(SyncRunId::value)).orElseThrow();
        List<OrderChange> changes = cache.changes().findChanges(Optional.empty(), Optional.of(second));
        assertThat(changes).extracting(change -> change.orderId().value() + " " + change.kind())
                .containsExactlyInAnyOrder("cancelled STATUS_CHANGED", "grown QUANTITY_CHANGED",
                        "repriced PRICE_CHANGED", "gone REMOVED", "new ADDED");
        OrderChange statusChange = changes.stream().filter(c -> c.kind() == ChangeKind.STATUS_CHANGED).findFirst().orElseThrow();
        assertThat(statusChange.difference().before()).contains("completed");
        assertThat(statusChange.difference().after()).contains("cancelled");
        OrderChange quantityChange = changes.stream().filter(c -> c.kind() == ChangeKind.QUANTITY_CHANGED).findFirst().orElseThrow();
        assertThat(quantityChange.difference().lineItemNumber()).hasValue(0);
        assertThat(quantityChange.difference().before()).contains("5");
        assertThat(quantityChange.difference().after()).contains("9");

        assertThat(all()).extracting(order -> order.id().value()).doesNotContain("gone").contains("new");
        assertThat(ordersById(OrderId.of("cancelled")))
                .singleElement().satisfies(order -> assertThat(order.isCancelled()).isTrue());
    }

    @Test
    void anUnchangedOrAnEtagOnlyChangeIsNoChange() {
        sync(SCOPE, page(1, anOrder("a").attributes(new ResourceAttributes(Optional.of("etag-1"), Optional.of("Order"))).build()));
        Order rotatedEtag = anOrder("a").attributes(new ResourceAttributes(Optional.of("etag-2"), Optional.of("Order"))).build();
        Order sameTotalOtherScale = rotatedEtag.toBuilder().totalPrice(Amount.parse("12.5000")).build();

        assertThat(sync(SCOPE, page(1, rotatedEtag))).isEqualTo(new SnapshotSummary(1, 1, 1, 0, 0, 0));
        assertThat(sync(SCOPE, page(1, sameTotalOtherScale))).isEqualTo(new SnapshotSummary(1, 1, 1, 0, 0, 0));
        assertThat(cache.changes().findChanges(Optional.empty(), Optional.empty())).hasSize(1);
    }

    @Test
    void everyFieldRoundTripsExactly() {
        Order full = aFullOrder("ord-full");
        sync(SCOPE, page(1, full));

        Order read = ordersById(OrderId.of("ord-full")).get(0);
        assertThat(read).isEqualTo(full);
        // equals() is numeric for amounts; the scale as sent must survive too.
        assertThat(read.totalPrice().orElseThrow().toString()).isEqualTo("1234.5600");
        var pricing = read.lineItems().get(0).pricing().orElseThrow();
        assertThat(pricing.listPrice().orElseThrow().toString()).isEqualTo("100000.00");
        assertThat(pricing.discountedPrice().orElseThrow().toString()).isEqualTo("0.123456");
        assertThat(pricing.price().orElseThrow().toString()).isEqualTo("5.30");
        assertThat(read.billingCycle().orElseThrow().raw()).isEqualTo("quadrennial");
        assertThat(read.status().orElseThrow().raw()).isEqualTo("awaitingSignature");
        assertThat(read.lineItems().get(0).transactionType().orElseThrow().raw()).isEqualTo("SomethingNew");
        assertThat(read.creationDateAsSent()).isEqualTo(full.creationDateAsSent());
        assertThat(read.creationDateOffset()).isEqualTo(full.creationDateOffset());
        assertThat(read.lineItems().get(0).provisioningContext().keySet()).containsExactly("zeta", "alpha");
        assertThat(read.lineItems().get(1).attestationAccepted()).contains(Boolean.FALSE);
        assertThat(read.lineItems().get(1).pricing()).isEmpty();
    }

    @Test
    void anOrderWithNothingOptionalRoundTripsWithAbsentsStillAbsent() {
        Order bare = Order.builder(OrderId.of("bare"), CUSTOMER, CREATED).build();
        sync(SCOPE, page(1, bare));
        assertThat(ordersById(OrderId.of("bare"))).containsExactly(bare);
    }

    @Test
    void aResellerSyncNeitherAddsAgainNorRemovesOrdersItNeverReturned() {
        OrderScope resellerScope = SCOPE.withReseller(ResellerId.parse(RESELLER));
        Order viaReseller = anOrder("via-reseller").lineItems(List.of(aLineItem(0).partnerIdOnRecord(RESELLER).build())).build();
        sync(SCOPE, page(1, anOrder("direct").build(), viaReseller));

        SnapshotSummary filtered = sync(resellerScope, page(1, viaReseller));

        assertThat(filtered.removed()).as("'direct' was never returned by this reseller filter").isZero();
        assertThat(filtered.added()).as("already cached: appearing in a second scope is no addition").isZero();
        assertThat(cache.changes().findChanges(Optional.empty(), Optional.empty())).extracting(OrderChange::kind)
                .containsExactly(ChangeKind.ADDED, ChangeKind.ADDED);
        assertThat(all()).extracting(order -> order.id().value()).containsExactly("direct", "via-reseller");
        assertThat(cache.orders().countOrders(OrderCriteria.ALL)).as("an order synced in two scopes is one order").isEqualTo(2);

        SnapshotSummary resellerGone = sync(resellerScope);
        assertThat(resellerGone.removed()).as("the reseller filter returned it before and no longer does").isEqualTo(1);
        assertThat(all()).extracting(order -> order.id().value()).containsExactly("direct");
    }

    @Test
    void aSyncWithoutPricesKeepsThePricesOfAnEarlierPricedSyncAndSaysWhenTheyWereFetched() {
        Order priced = anOrder("p").build();
        sync(SCOPE.withPrices(), page(1, priced));
        Instant pricedAt = cached("p").pricesAsOf().orElseThrow();
        Order unpriced = priced.toBuilder().totalPrice(null)
                .lineItems(List.of(priced.lineItems().get(0).toBuilder().pricing(null).build())).build();

        SnapshotSummary plain = sync(SCOPE, page(1, unpriced));

        assertThat(plain).as("no price 'change' and no addition").isEqualTo(new SnapshotSummary(1, 1, 1, 0, 0, 0));
        assertThat(cached("p").order()).isEqualTo(priced);
        assertThat(cached("p").pricesAsOf()).contains(pricedAt);
        assertThat(cache.orders().totalsByCurrency(OrderCriteria.ALL)).containsExactly(Money.of("12.50", "USD"));

        Order repriced = priced.toBuilder().totalPrice(Amount.parse("20.00")).build();
        sync(SCOPE.withPrices(), page(1, repriced));
        assertThat(cached("p").order()).isEqualTo(repriced);
        assertThat(cached("p").pricesAsOf()).hasValueSatisfying(at -> assertThat(at).isAfter(pricedAt));
    }

    @Test
    void aSyncWithoutSystemPurchasesKeepsThoseAnEarlierSyncStored() {
        Order system = anOrder("sys").transactionType(Coded.of(OrderTransactionType.SYSTEM_BILLING)).build();
        Order user = anOrder("user").transactionType(Coded.of(OrderTransactionType.USER_PURCHASE)).build();
        sync(SCOPE.withSystemPurchases(), page(1, system, user, anOrder("untyped").transactionType(null).build()));

        SnapshotSummary plain = sync(SCOPE, page(1, user));

        assertThat(plain.removed()).as("'untyped' is no system purchase: the plain sync would have returned it").isEqualTo(1);
        assertThat(all()).extracting(order -> order.id().value()).containsExactlyInAnyOrder("sys", "user");
        assertThat(sync(SCOPE.withSystemPurchases(), page(1, user)).removed())
                .as("a sync with system purchases that no longer returns it").isEqualTo(1);
        assertThat(all()).extracting(order -> order.id().value()).containsExactly("user");
    }

    @Test
    void aBillingTypeSyncOnlyReplacesOrdersOfThatCycle() {
        Order monthly = anOrder("m").billingCycle(BillingCycle.MONTHLY).build();
        Order annual = anOrder("a").billingCycle(BillingCycle.ANNUAL).build();
        Order noCycle = anOrder("n").billingCycle((BillingCycle) null).build();
        sync(SCOPE, page(1, monthly, annual, noCycle));

        SnapshotSummary onlyAnnual = sync(SCOPE.withBillingType(BillingCycle.ANNUAL));

        assertThat(onlyAnnual.removed()).isEqualTo(1);
        assertThat(all()).extracting(order -> order.id().value()).containsExactlyInAnyOrder("m", "n");
        assertThat(latestChanges()).containsExactly("a REMOVED");
    }

    @Test
    void theLastSucceededScopeIsTheLatestRunThatSucceededAndSystemPurchasesCountOnceFetched() {
        assertThat(lastSucceededScope(CUSTOMER)).isEmpty();
        SyncRunId failedWithSystemPurchases = cache.runLog().startRun(SCOPE.withSystemPurchases(), CorrelationId.random(), T0);
        cache.runLog().finishRun(failedWithSystemPurchases, SyncRunOutcome.failed(T0, "forbidden"));
        assertThat(syncedSystemPurchases(CUSTOMER)).as("a failed run fetched nothing").isFalse();
        sync(SCOPE.withPrices().withSystemPurchases(), page(1, anOrder("a").build()));
        assertThat(syncedSystemPurchases(CUSTOMER)).isTrue();
        assertThat(syncedSystemPurchases(OTHER_CUSTOMER)).isFalse();
        SyncRunId failed = cache.runLog().startRun(SCOPE, CorrelationId.random(), T0.plus(Duration.ofDays(1)));
        cache.runLog().finishRun(failed, SyncRunOutcome.failed(T0.plus(Duration.ofDays(1)), "throttled"));

        assertThat(lastSucceededScope(CUSTOMER)).contains(SCOPE.withPrices().withSystemPurchases());
        assertThat(lastSucceededScope(OTHER_CUSTOMER)).isEmpty();
        sync(SCOPE.withBillingType(BillingCycle.MONTHLY));
        assertThat(lastSucceededScope(CUSTOMER)).contains(SCOPE.withBillingType(BillingCycle.MONTHLY));
    }

    @Test
    void readersSeeTheVersionOfTheMostRecentRun() {
        OrderScope priced = SCOPE.withPrices();
        sync(priced, page(1, anOrder("a").build()));
        Order newer = anOrder("a").status(OrderStatus.CANCELLED).build();
        sync(SCOPE, page(1, newer));
        assertThat(ordersById(OrderId.of("a"))).containsExactly(newer);
    }

    @Test
    void aFailingIteratorLeavesThePreviousSnapshotWholeAndLogsNothing() {
        sync(SCOPE, page(1, anOrder("a").build(), anOrder("b").build()));
        List<OrderChange> changesBefore = cache.changes().findChanges(Optional.empty(), Optional.empty());
        PartnerCenterException.Throttled throttled =
                new PartnerCenterException.Throttled("page 2 throttled", PartnerCenterError.ofStatus(429));
        Iterator<Page<Order>> failingOnSecondPage = new Iterator<>() {
            private int served;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Page<Order> next() {
                if (served++ == 0) {
                    return page(1, anOrder("a").status(OrderStatus.CANCELLED).build(), anOrder("c").build());
                }
                throw throttled;
            }
        };
        SyncRunId run = cache.runLog().startRun(SCOPE, CorrelationId.random(), T0.plus(Duration.ofHours(1)));

        assertThatThrownBy(() -> cache.snapshots().replaceSnapshot(run, SCOPE, failingOnSecondPage)).isSameAs(throttled);
        cache.runLog().finishRun(run, SyncRunOutcome.failed(T0.plus(Duration.ofHours(1)), "throttled"));

        assertThat(all()).extracting(order -> order.id().value() + " " + order.status().orElseThrow())
                .containsExactly("a completed", "b completed");
        assertThat(cache.changes().findChanges(Optional.empty(), Optional.empty())).isEqualTo(changesBefore);
        assertThat(sync(SCOPE, page(1, anOrder("a").build()))).as("the next sync diffs against the intact snapshot")
                .isEqualTo(new SnapshotSummary(1, 1, 1, 0, 0, 1));
    }

    @Test
    void anOrderSentTwiceInOneSnapshotIsStoredOnceAsTheLaterVersion() {
        Order later = anOrder("dup").status(OrderStatus.PENDING).build();
        SnapshotSummary summary = sync(SCOPE, page(1, anOrder("dup").build()), page(2, later));
        assertThat(summary.items()).isEqualTo(1);
        assertThat(summary.added()).isEqualTo(1);
        assertThat(ordersById(OrderId.of("dup"))).containsExactly(later);
    }

    @Test
    void ordersOfDifferentCustomersMayShareAnId() {
        sync(SCOPE, page(1, anOrder("same").build()));
        Order other = Order.builder(OrderId.of("same"), OTHER_CUSTOMER, CREATED).build();
        sync(OrderScope.allOrdersOf(OTHER_CUSTOMER), page(1, other));
        assertThat(ordersById(OrderId.of("same"))).hasSize(2);
        assertThat(cache.changes().findChanges(Optional.of(OTHER_CUSTOMER), Optional.empty()))
                .singleElement().satisfies(change -> assertThat(change.customer()).isEqualTo(OTHER_CUSTOMER));
    }

    @Test
    void criteriaFilterAndPagesAreStableAndOrderedByCreationDate() {
        List<Order> orders = new ArrayList<>();
        IntStream.range(0, 25).forEach(i -> orders.add(anOrder(String.format("o%02d", i))
                .creationDate(CREATED.plus(Duration.ofDays(25 - i)))
                .billingCycle(i % 2 == 0 ? BillingCycle.MONTHLY : BillingCycle.ANNUAL)
                .status(i % 5 == 0 ? OrderStatus.CANCELLED : OrderStatus.COMPLETED)
                .lineItems(List.of(aLineItem(0).offerId(i % 3 == 0 ? OTHER_OFFER : TestOrders.OFFER)
                        .subscriptionId("SUB-" + i).partnerIdOnRecord(i < 5 ? RESELLER.toUpperCase() : null).build()))
                .build()));
        sync(SCOPE, page(1, orders.toArray(Order[]::new)));

        List<Order> firstTen = findOrders(OrderCriteria.ALL, 0, 10);
        List<Order> nextTen = findOrders(OrderCriteria.ALL, 10, 10);
        assertThat(firstTen).extracting(order -> order.id().value()).startsWith("o24", "o23").hasSize(10);
        assertThat(nextTen).extracting(order -> order.id().value()).startsWith("o14").hasSize(10);
        assertThat(findOrders(OrderCriteria.ALL, 20, 10)).hasSize(5);

        assertThat(cache.orders().countOrders(OrderCriteria.ALL.withBillingCycle(BillingCycle.parse("Annual")))).isEqualTo(12);
        assertThat(cache.orders().countOrders(OrderCriteria.ALL.withStatus(OrderStatus.parse("CANCELLED")))).isEqualTo(5);
        assertThat(cache.orders().countOrders(OrderCriteria.ALL.withOfferId(OTHER_OFFER))).isEqualTo(9);
        assertThat(cache.orders().countOrders(OrderCriteria.ALL.withPartnerIdOnRecord(RESELLER))).isEqualTo(5);
        assertThat(cache.orders().countOrders(OrderCriteria.ALL.withSubscriptionId("sub-7"))).isEqualTo(1);
        assertThat(cache.orders().countOrders(OrderCriteria.ALL.withCustomer(OTHER_CUSTOMER))).isZero();
        assertThat(findOrders(OrderCriteria.ALL.createdBetween(CREATED.plus(Duration.ofDays(1)),
                CREATED.plus(Duration.ofDays(3))), 0, 100)).extracting(order -> order.id().value())
                .containsExactly("o24", "o23");
    }

    @Test
    void forEachOrderHandsOverWhatFindOrdersPagesInTheSameOrderAndStopsAtAThrowingAction() {
        List<Order> orders = new ArrayList<>();
        IntStream.range(0, 30).forEach(i -> orders.add(anOrder(String.format("e%02d", i))
                .creationDate(CREATED.plus(Duration.ofHours(i % 7)))
                .status(i % 4 == 0 ? OrderStatus.CANCELLED : OrderStatus.COMPLETED)
                .build()));
        sync(SCOPE, page(1, orders.toArray(Order[]::new)));
        OrderCriteria completed = OrderCriteria.ALL.withStatus(OrderStatus.parse("completed"));

        List<Order> handedOver = new ArrayList<>();
        cache.orders().forEachOrder(completed, cached -> handedOver.add(cached.order()));

        assertThat(handedOver).hasSize(22).containsExactlyElementsOf(findOrders(completed, 0, 100));
        RuntimeException stop = new IllegalStateException("enough");
        List<Order> beforeTheStop = new ArrayList<>();
        assertThatThrownBy(() -> cache.orders().forEachOrder(OrderCriteria.ALL, cached -> {
            if (beforeTheStop.size() == 3) {
                throw stop;
            }
            beforeTheStop.add(cached.order());
        })).isSameAs(stop);
        assertThat(beforeTheStop).containsExactlyElementsOf(findOrders(OrderCriteria.ALL, 0, 3));
    }

    @Test
    void forEachOrderToMatchHandsOverForEachOrdersOrdersInAnyOrderWithWhatMatchingReadsOfThem() {
        // Awkward for a read that joins orders to line items: an order without line items, line items whose numbers
        // do not follow their positions, orders tied on creation date, and the same order ids for another customer.
        List<Order> ours = new ArrayList<>(List.of(aFullOrder("full"), anOrder("none").lineItems(List.of()).build()));
        List<Order> theirs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int n = i;
            List<OrderLineItem> items = IntStream.range(0, i % 4)
                    .mapToObj(k -> aLineItem(10 - 3 * k).offerId(k % 2 == 0 ? TestOrders.OFFER : OTHER_OFFER).quantity(n + k)
                            .pricing(new Pricing(Optional.of(Amount.parse(n + "." + k + "0")), Optional.empty(),
                                    Optional.of(Amount.parse("1E+" + k)), Optional.of(Amount.parse("2.50")), Optional.empty()))
                            .build())
                    .toList();
            Order order = anOrder(String.format("m%02d", i))
                    .creationDate(CREATED.plus(Duration.ofHours(i % 5)))
                    .status(i % 4 == 0 ? OrderStatus.CANCELLED : OrderStatus.COMPLETED)
                    .lineItems(items)
                    .build();
            ours.add(order);
            if (i % 3 == 0) {
                theirs.add(order.toBuilder().referenceCustomerId(OTHER_CUSTOMER).build());
            }
        }
        sync(SCOPE, page(1, ours.toArray(Order[]::new)));
        sync(OrderScope.allOrdersOf(OTHER_CUSTOMER), page(1, theirs.toArray(Order[]::new)));

        for (OrderCriteria criteria : List.of(OrderCriteria.ALL, OrderCriteria.ALL.withCustomer(OTHER_CUSTOMER),
                OrderCriteria.ALL.withStatus(OrderStatus.parse("completed")), OrderCriteria.ALL.withOfferId(OTHER_OFFER))) {
            List<CachedOrder> whole = new ArrayList<>();
            List<CachedOrder> toMatch = new ArrayList<>();
            cache.orders().forEachOrder(criteria, whole::add);
            cache.orders().forEachOrderToMatch(criteria, toMatch::add);

            assertThat(whole).as("orders matching %s", criteria).isNotEmpty();
            assertThat(toMatch).as("orders to match %s", criteria)
                    .extracting(cached -> whatMatchingReads(cached.order()), CachedOrder::pricesAsOf)
                    .containsExactlyInAnyOrderElementsOf(whole.stream()
                            .map(cached -> org.assertj.core.groups.Tuple.tuple(whatMatchingReads(cached.order()),
                                    cached.pricesAsOf()))
                            .toList());
        }
        RuntimeException stop = new IllegalStateException("enough");
        List<Order> beforeTheStop = new ArrayList<>();
        assertThatThrownBy(() -> cache.orders().forEachOrderToMatch(OrderCriteria.ALL, cached -> {
            if (beforeTheStop.size() == 3) {
                throw stop;
            }
            beforeTheStop.add(whatMatchingReads(cached.order()));
        })).isSameAs(stop);
        List<Order> all = new ArrayList<>();
        cache.orders().forEachOrder(OrderCriteria.ALL, cached -> all.add(whatMatchingReads(cached.order())));
        assertThat(beforeTheStop).hasSize(3).doesNotHaveDuplicates();
        assertThat(all).containsAll(beforeTheStop);
    }

    /** The order without links, and of its line items only the number, offer, quantity and pricing. */
    private static Order whatMatchingReads(Order order) {
        return order.toBuilder().links(OrderLinks.NONE)
                .lineItems(order.lineItems().stream()
                        .map(item -> OrderLineItem.builder(item.lineItemNumber(), item.offerId(), item.quantity())
                                .pricing(item.pricing().orElse(null)).build())
                        .toList())
                .build();
    }

    @Test
    void filterValuesAreDataNotSyntax() {
        sync(SCOPE, page(1, anOrder("a").build()));
        for (String hostile : List.of("' OR '1'='1", "%", "_", "\"; DROP TABLE orders; --", "\\")) {
            assertThat(cache.orders().countOrders(OrderCriteria.ALL.withSubscriptionId(hostile))).as(hostile).isZero();
            assertThat(cache.orders().countOrders(OrderCriteria.ALL.withPartnerIdOnRecord(hostile))).as(hostile).isZero();
            assertThat(ordersById(OrderId.of(hostile))).as(hostile).isEmpty();
        }
        assertThat(cache.orders().countOrders(OrderCriteria.ALL)).isEqualTo(1);
    }

    @Test
    void totalsArePerCurrencyAndExact() {
        sync(SCOPE, page(1,
                anOrder("u1").totalPrice(Amount.parse("0.10")).build(),
                anOrder("u2").totalPrice(Amount.parse("0.20")).build(),
                anOrder("e1").currencyCode(CurrencyCode.of("EUR")).totalPrice(Amount.parse("100000.005")).build(),
                anOrder("none").totalPrice(null).build()));

        assertThat(cache.orders().totalsByCurrency(OrderCriteria.ALL))
                .containsExactly(Money.of("100000.005", "EUR"), Money.of("0.3", "USD"));
    }

    @Test
    void changesFilterByCustomerAndRunInOrderOfDetection() {
        sync(SCOPE, page(1, anOrder("a").build()));
        sync(OrderScope.allOrdersOf(OTHER_CUSTOMER), page(1, Order.builder(OrderId.of("x"), OTHER_CUSTOMER, CREATED).build()));
        sync(SCOPE);

        List<OrderChange> all = cache.changes().findChanges(Optional.empty(), Optional.empty());
        assertThat(all).extracting(change -> change.orderId().value() + " " + change.kind())
                .containsExactly("a ADDED", "x ADDED", "a REMOVED");
        assertThat(all).extracting(OrderChange::detectedAt).isSorted();
        assertThat(cache.changes().findChanges(Optional.of(CUSTOMER), Optional.empty())).hasSize(2);
        assertThat(cache.changes().findChanges(Optional.of(CUSTOMER), Optional.of(all.get(2).run()))).hasSize(1);
        assertThat(cache.changes().findChanges(Optional.of(OTHER_CUSTOMER), Optional.of(all.get(2).run()))).isEmpty();
    }

    @Test
    void aFinishedRunCannotBeWrittenAgain() {
        SyncRunId run = cache.runLog().startRun(SCOPE, CorrelationId.random(), T0);
        cache.runLog().finishRun(run, SyncRunOutcome.failed(T0, "gave up"));
        assertThatThrownBy(() -> cache.snapshots().replaceSnapshot(run, SCOPE, List.<Page<Order>>of().iterator()))
                .isInstanceOf(RuntimeException.class);
        assertThat(all()).isEmpty();
    }
}
