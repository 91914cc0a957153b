package dev.pcorders.adapter.persistence.subscription;

import static dev.pcorders.domain.subscription.TestSubscriptions.CUSTOMER;
import static dev.pcorders.domain.subscription.TestSubscriptions.aSubscription;
import static dev.pcorders.domain.subscription.TestSubscriptions.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.order.TestOrders;
import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ResourceAttributes;
import dev.pcorders.domain.shared.SyncRunId;
import dev.pcorders.domain.shared.SyncScope;
import dev.pcorders.domain.subscription.RefundOption;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionCriteria;
import dev.pcorders.domain.subscription.SubscriptionId;
import dev.pcorders.domain.subscription.SubscriptionScope;
import dev.pcorders.domain.subscription.SubscriptionStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite subscription cache beyond the contract: every field read back, atomic snapshots, orders beside it. */
class SqliteSubscriptionStoreTest {

    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");

    @TempDir
    Path folder;

    private CacheStore store;
    private long clock;

    @BeforeEach
    void openStore() {
        store = CacheStore.open(folder.resolve("cache.db"), SqliteStoreSettings.defaults());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Every field set, unknown open enum values, links with headers and a body, refund options in the order sent. */
    private static Subscription everyField(String id) {
        return new Subscription(CUSTOMER, SubscriptionId.of(id), "CFQ7TTC0LH18:0001:CFQ7TTC0K59S",
                Optional.of("Microsoft 365 Business Basic"), Optional.of("Contoso's seats"), 25, Optional.of("Licenses"),
                SubscriptionStatus.parse("Migrating"), Optional.of(false), Optional.of(BillingCycle.parse("fortnightly")),
                Optional.of("P1Y"), Instant.parse("2025-06-01T08:00:00.123456789Z"),
                Optional.of(Instant.parse("2025-06-01T00:00:00Z")), Optional.of(Instant.parse("2026-05-31T23:59:59.5Z")),
                Optional.of(OrderId.of("a1b2c3d4e5f6")), Optional.of("entitlement-7"), Optional.of(true),
                Optional.of("license"), Optional.of("subscription"),
                List.of(new RefundOption("Full", Instant.parse("2025-06-08T08:00:00Z")),
                        new RefundOption("Partial", Instant.parse("2025-07-01T08:00:00Z"))),
                Map.of("self", Link.get("customers/" + CUSTOMER + "/subscriptions/" + id),
                        "offer", Link.get("offers/CFQ7TTC0LH18"),
                        "upgrade", new Link("customers/" + CUSTOMER + "/subscriptions/" + id + "/upgrades", "POST",
                                List.of(new Link.Header("If-Match", "etag-9"), new Link.Header("X-Locale", "en-US")),
                                Optional.of("{\"quantity\":30}"))),
                new ResourceAttributes(Optional.of("etag-9"), Optional.of("Subscription")));
    }

    /** Every optional field absent. */
    private static Subscription bare(String id) {
        return new Subscription(CUSTOMER, SubscriptionId.of(id), "DZH318Z0BQ3Q:0001", Optional.empty(), Optional.empty(), 0,
                Optional.empty(), Coded.of(SubscriptionStatus.ACTIVE), Optional.empty(), Optional.empty(), Optional.empty(),
                Instant.parse("2025-06-02T00:00:00Z"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Map.of(),
                new ResourceAttributes(Optional.empty(), Optional.empty()));
    }

    @SafeVarargs
    private SnapshotSummary sync(SubscriptionScope scope, Page<Subscription>... pages) {
        SyncRunId run = start(scope);
        SnapshotSummary summary = store.subscriptionSnapshots().replaceSnapshot(run, scope, List.of(pages).iterator());
        store.runLog().finishRun(run, SyncRunOutcome.succeeded(T0.plusSeconds(clock), summary));
        return summary;
    }

    private SyncRunId start(SyncScope scope) {
        return store.runLog().startRun(scope, CorrelationId.random(), T0.plusSeconds(++clock));
    }

    private List<Subscription> all() {
        return store.subscriptions().findSubscriptions(SubscriptionCriteria.ALL, 0, 1_000);
    }

    @Test
    void everyFieldReadsBackEqualAndAnUnknownStatusKeepsItsRawValue() {
        Subscription full = everyField("full");
        Subscription bare = bare("bare");

        sync(new SubscriptionScope(CUSTOMER), page(1, full, bare));

        assertThat(all()).containsExactly(full, bare);
        Subscription read = store.subscriptions().findSubscriptionsById(SubscriptionId.of("full")).get(0);
        assertThat(read.status().known()).isEqualTo(SubscriptionStatus.UNKNOWN);
        assertThat(read.status().raw()).isEqualTo("Migrating");
        assertThat(read.billingCycle()).hasValueSatisfying(cycle -> assertThat(cycle.raw()).isEqualTo("fortnightly"));
        assertThat(store.subscriptions().countSubscriptions(
                SubscriptionCriteria.ALL.withStatus(SubscriptionStatus.parse("MIGRATING")))).isEqualTo(1);
        assertThat(store.subscriptions().countSubscriptions(
                SubscriptionCriteria.ALL.withOfferId("cfq7ttc0lh18:0001:cfq7ttc0k59s"))).isEqualTo(1);

        assertThat(sync(new SubscriptionScope(CUSTOMER), page(1, full, bare)).unchanged())
                .as("a second sync of the same subscriptions finds nothing changed").isEqualTo(2);
    }

    @Test
    void aFailingPageIteratorStoresNothingAndThePreviousSnapshotStaysWhole() throws SQLException {
        SubscriptionScope scope = new SubscriptionScope(CUSTOMER);
        sync(scope, page(1, everyField("a"), everyField("b")));
        List<Subscription> before = all();
        Map<String, String> countsBefore = rowCounts();
        IllegalStateException failure = new IllegalStateException("page 2 could not be read");
        Iterator<Page<Subscription>> failing = new Iterator<>() {
            private boolean served;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Page<Subscription> next() {
                if (served) {
                    throw failure;
                }
                served = true;
                return page(1, aSubscription("a").quantity(99).build(), aSubscription("c").build());
            }
        };
        SyncRunId run = start(scope);

        assertThatThrownBy(() -> store.subscriptionSnapshots().replaceSnapshot(run, scope, failing)).isSameAs(failure);
        store.runLog().finishRun(run, SyncRunOutcome.failed(T0.plusSeconds(clock), "page 2"));

        assertThat(all()).isEqualTo(before);
        assertThat(rowCounts()).as("no row of the failed run, nested ones included").isEqualTo(countsBefore);
        assertThat(store.subscriptionChanges().findChanges(Optional.empty(), Optional.of(run))).isEmpty();
        assertThat(store.runLog().lastSucceededScopeKey(SubscriptionScope.KIND, CUSTOMER)).contains(scope.key());
    }

    @Test
    void orderAndSubscriptionSyncsOfOneCustomerKeepTheirOwnRunsAndRows() throws SQLException {
        var customer = TestOrders.CUSTOMER;
        OrderScope orderScope = OrderScope.allOrdersOf(customer);
        SubscriptionScope subscriptionScope = new SubscriptionScope(customer);
        Order order = TestOrders.anOrder("o1").build();

        SyncRunId orderRun = start(orderScope);
        SnapshotSummary orders = store.orderSnapshots().replaceSnapshot(orderRun, orderScope,
                List.of(new Page<>(1, List.of(order), java.util.OptionalInt.empty())).iterator());
        store.runLog().finishRun(orderRun, SyncRunOutcome.succeeded(T0.plusSeconds(clock), orders));
        sync(subscriptionScope, page(1, aSubscription("s1").customer(customer).build(),
                aSubscription("s2").customer(customer).build()));

        assertThatThrownBy(() -> store.subscriptionSnapshots().replaceSnapshot(orderRun, subscriptionScope,
                List.<Page<Subscription>>of().iterator())).as("an order run is not a subscription run")
                .isInstanceOf(RuntimeException.class);
        // An empty subscription snapshot removes the subscriptions and leaves the order alone, and the other way round.
        assertThat(sync(subscriptionScope).removed()).isEqualTo(2);
        assertThat(store.orders().countOrders(OrderCriteria.ALL)).isEqualTo(1);
        sync(subscriptionScope, page(1, aSubscription("s3").customer(customer).build()));
        SyncRunId emptyOrders = start(orderScope);
        assertThat(store.orderSnapshots().replaceSnapshot(emptyOrders, orderScope,
                List.<Page<Order>>of().iterator()).removed()).isEqualTo(1);
        assertThat(all()).extracting(s -> s.id().value()).containsExactly("s3");

        assertThat(store.runLog().lastSucceededScopeKey(OrderScope.KIND, customer)).contains(orderScope.key());
        assertThat(store.runLog().lastSucceededScopeKey(SubscriptionScope.KIND, customer)).contains(subscriptionScope.key());
        try (Connection connection = store.openJdbcConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT resource_kind, scope_key FROM sync_scope ORDER BY scope_id")) {
            List<String> scopes = new ArrayList<>();
            while (rows.next()) {
                scopes.add(rows.getString(1) + " " + rows.getString(2));
            }
            assertThat(scopes).containsExactly("orders " + orderScope.key(), "subscriptions all");
        }
        assertThat(store.orderChanges().findChanges(Optional.of(customer), Optional.empty()))
                .extracting(change -> change.kind().name()).containsExactly("ADDED", "REMOVED");
        assertThat(store.subscriptionChanges().findChanges(Optional.of(customer), Optional.empty()))
                .extracting(change -> change.subscriptionId() + " " + change.kind())
                .containsExactly("s1 ADDED", "s2 ADDED", "s1 REMOVED", "s2 REMOVED", "s3 ADDED");
    }

    private Map<String, String> rowCounts() throws SQLException {
        Map<String, String> counts = new java.util.TreeMap<>();
        try (Connection connection = store.openJdbcConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("stored_subscription", "subscription_refund_option", "subscription_link",
                    "subscription_link_header", "subscription_change")) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getString(1));
                }
            }
        }
        return counts;
    }
}
