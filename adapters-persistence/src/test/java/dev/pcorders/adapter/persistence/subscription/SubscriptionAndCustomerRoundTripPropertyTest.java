package dev.pcorders.adapter.persistence.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.domain.customer.CachedCustomer;
import dev.pcorders.domain.customer.CompanyProfile;
import dev.pcorders.domain.customer.Customer;
import dev.pcorders.domain.customer.CustomerListScope;
import dev.pcorders.domain.customer.RelationshipToPartner;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Random subscriptions and customer lists through the SQLite cache on a real file must come back equal, and a second
 * sync of the same items must find nothing changed (the writer compares against what it reads back, so a lossy read
 * would show as a change). jqwik has no {@code @TempDir}: the properties make and remove their own folder.
 */
class SubscriptionAndCustomerRoundTripPropertyTest {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private Path folder;
    private CacheStore store;
    private long counter;

    @BeforeProperty
    void openStore() throws IOException {
        folder = Files.createTempDirectory("pc-orders-round-trip");
        store = CacheStore.open(folder.resolve("cache.db"), SqliteStoreSettings.defaults());
    }

    @AfterProperty
    void closeStore() throws IOException {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(SubscriptionAndCustomerRoundTripPropertyTest::delete);
            }
        }
    }

    @Property(tries = 150)
    void subscriptionsReadBackExactlyAsStored(@ForAll("subscriptions") List<Subscription> generated,
                                              @ForAll @IntRange(min = 1, max = 4) int perPage) {
        CustomerId customer = new CustomerId(new UUID(0x5ab5L, ++counter));
        Map<String, Subscription> byId = new LinkedHashMap<>();
        generated.forEach(s -> byId.putIfAbsent(s.id().value(), withCustomer(s, customer)));
        List<Subscription> subscriptions = List.copyOf(byId.values());
        SubscriptionScope scope = new SubscriptionScope(customer);

        SnapshotSummary first = syncSubscriptions(scope, subscriptions, perPage);

        assertThat(first.items()).isEqualTo(subscriptions.size());
        assertThat(first.added()).isEqualTo(subscriptions.size());
        List<Subscription> read = store.subscriptions().findSubscriptions(SubscriptionCriteria.ALL.withCustomer(customer), 0, 1_000);
        // Equal records: refund options in the order sent (list equality), links by relation, instants to the nano.
        assertThat(read).containsExactlyInAnyOrderElementsOf(subscriptions);
        assertThat(read).isSortedAccordingTo(Comparator.comparing(Subscription::creationDate).thenComparing(Subscription::id));

        SnapshotSummary again = syncSubscriptions(scope, subscriptions, perPage);
        assertThat(again).isEqualTo(new SnapshotSummary(first.pages(), subscriptions.size(), 0, 0, 0, 0));
    }

    @Property(tries = 100)
    void customerListsReadBackExactlyAsStored(@ForAll("customers") List<Customer> generated,
                                              @ForAll @IntRange(min = 1, max = 4) int perPage) {
        Map<CustomerId, Customer> byId = new LinkedHashMap<>();
        generated.forEach(c -> byId.putIfAbsent(c.id(), c));
        List<Customer> customers = List.copyOf(byId.values());

        SnapshotSummary first = syncCustomers(customers, perPage);

        assertThat(first.items()).isEqualTo(customers.size());
        List<Customer> read = store.customers().findCustomers(false).stream().map(CachedCustomer::customer).toList();
        assertThat(read).containsExactlyInAnyOrderElementsOf(customers);
        assertThat(read).isSortedAccordingTo(Comparator.comparing((Customer c) -> c.displayName().toLowerCase(Locale.ROOT))
                .thenComparing(c -> c.id().toString()));

        SnapshotSummary again = syncCustomers(customers, perPage);
        assertThat(again.added() + again.changed() + again.removed()).as("a second listing of the same customers").isZero();
    }

    private SnapshotSummary syncSubscriptions(SubscriptionScope scope, List<Subscription> items, int perPage) {
        SyncRunId run = start(scope);
        SnapshotSummary summary = store.subscriptionSnapshots().replaceSnapshot(run, scope, pages(items, perPage));
        store.runLog().finishRun(run, SyncRunOutcome.succeeded(Instant.now(), summary));
        return summary;
    }

    private SnapshotSummary syncCustomers(List<Customer> items, int perPage) {
        SyncRunId run = start(CustomerListScope.ALL);
        SnapshotSummary summary = store.customerSnapshots().replaceSnapshot(run, CustomerListScope.ALL, pages(items, perPage));
        store.runLog().finishRun(run, SyncRunOutcome.succeeded(Instant.now(), summary));
        return summary;
    }

    private SyncRunId start(SyncScope scope) {
        return store.runLog().startRun(scope, CorrelationId.random(), EARLIEST.plusSeconds(++counter));
    }

    private static <T> Iterator<Page<T>> pages(List<T> items, int perPage) {
        List<Page<T>> pages = new ArrayList<>();
        for (int from = 0; from < items.size(); from += perPage) {
            pages.add(new Page<>(pages.size() + 1, items.subList(from, Math.min(items.size(), from + perPage)),
                    OptionalInt.empty()));
        }
        return pages.iterator();
    }

    private static Subscription withCustomer(Subscription s, CustomerId customer) {
        return new Subscription(customer, s.id(), s.offerId(), s.offerName(), s.friendlyName(), s.quantity(), s.unitType(),
                s.status(), s.autoRenewEnabled(), s.billingCycle(), s.termDuration(), s.creationDate(),
                s.effectiveStartDate(), s.commitmentEndDate(), s.orderId(), s.entitlementId(), s.isTrial(),
                s.billingType(), s.contractType(), s.refundOptions(), s.links(), s.attributes());
    }

    /** Printable text of any script, surrogate pairs included, as names and ids arrive; never blank. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().withChars(" -_:.'\"<>&").ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u00a0', '\ud7ff').ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("Contoso 😀", "שלום Ltd", "Ünïcödé GmbH", "  padded  "))
                .filter(value -> !value.isBlank());
    }

    private static Arbitrary<Optional<String>> optionalText() {
        return text().optional(0.7);
    }

    private static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 40L * 365 * 24 * 3600).flatMap(seconds -> Arbitraries.integers()
                .between(0, 999_999_999).map(nanos -> EARLIEST.plusSeconds(seconds).plusNanos(nanos)));
    }

    private static Arbitrary<String> openEnumRaw(String... known) {
        return Arbitraries.oneOf(Arbitraries.of(known), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10));
    }

    @Provide
    Arbitrary<List<Subscription>> subscriptions() {
        Arbitrary<List<RefundOption>> refunds = Combinators.combine(text(), instants()).as(RefundOption::new)
                .list().ofMaxSize(3);
        Arbitrary<Map<String, Link>> links = Combinators.combine(Arbitraries.of("self", "offer", "entitlement", "upgrade"),
                        text(), Arbitraries.of("GET", "POST"), optionalText())
                .as((relation, uri, method, body) -> Map.entry(relation, new Link(uri, method, List.of(), body)))
                .list().ofMaxSize(3)
                .map(entries -> {
                    Map<String, Link> map = new LinkedHashMap<>();
                    entries.forEach(entry -> map.putIfAbsent(entry.getKey(), entry.getValue()));
                    return map;
                });
        Arbitrary<Subscription> one = Combinators.combine(
                Combinators.combine(text(), text(), optionalText(), optionalText(), Arbitraries.integers().between(0, 100_000),
                        optionalText(), openEnumRaw("active", "suspended", "deleted", "disabled", "Active"),
                        Arbitraries.of(true, false).optional(0.7)).as(Row1::new),
                Combinators.combine(openEnumRaw("monthly", "annual", "none", "one_time").optional(0.8), optionalText(),
                        instants(), instants().optional(0.6), instants().optional(0.6),
                        text().map(OrderId::of).optional(0.7), optionalText(), Arbitraries.of(true, false).optional(0.5))
                        .as(Row2::new),
                Combinators.combine(optionalText(), optionalText(), refunds, links, optionalText(), optionalText())
                        .as(Row3::new))
                .as((a, b, c) -> new Subscription(new CustomerId(new UUID(0, 0)), SubscriptionId.of(a.id), a.offerId,
                        a.offerName, a.friendlyName, a.quantity, a.unitType, SubscriptionStatus.parse(a.status),
                        a.autoRenew, b.cycle.map(BillingCycle::parse), b.term, b.created, b.start, b.end, b.orderId,
                        b.entitlement, b.trial, c.billingType, c.contractType, c.refunds, c.links,
                        new ResourceAttributes(c.etag, c.objectType)));
        return one.list().ofMaxSize(8);
    }

    private record Row1(String id, String offerId, Optional<String> offerName, Optional<String> friendlyName,
                        int quantity, Optional<String> unitType, String status, Optional<Boolean> autoRenew) {
    }

    private record Row2(Optional<String> cycle, Optional<String> term, Instant created, Optional<Instant> start,
                        Optional<Instant> end, Optional<OrderId> orderId, Optional<String> entitlement,
                        Optional<Boolean> trial) {
    }

    private record Row3(Optional<String> billingType, Optional<String> contractType, List<RefundOption> refunds,
                        Map<String, Link> links, Optional<String> etag, Optional<String> objectType) {
    }

    @Provide
    Arbitrary<List<Customer>> customers() {
        Arbitrary<Customer> one = Combinators.combine(Arbitraries.longs().between(1, 40), optionalText(), optionalText(),
                        optionalText(), openEnumRaw("reseller", "advisor", "none").optional(0.8), optionalText(),
                        optionalText())
                .as((n, tenant, domain, name, relationship, etag, objectType) -> new Customer(
                        new CustomerId(new UUID(0xc0570e7L, n)), new CompanyProfile(tenant, domain, name),
                        relationship.map(RelationshipToPartner::parse), new ResourceAttributes(etag, objectType)));
        return one.list().ofMaxSize(10);
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
