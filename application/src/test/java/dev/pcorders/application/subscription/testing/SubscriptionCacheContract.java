package dev.pcorders.application.subscription.testing;

import static dev.pcorders.domain.subscription.TestSubscriptions.CREATED;
import static dev.pcorders.domain.subscription.TestSubscriptions.CUSTOMER;
import static dev.pcorders.domain.subscription.TestSubscriptions.OTHER_CUSTOMER;
import static dev.pcorders.domain.subscription.TestSubscriptions.aSubscription;
import static dev.pcorders.domain.subscription.TestSubscriptions.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.SyncRunId;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionChange;
import dev.pcorders.domain.subscription.SubscriptionCriteria;
import dev.pcorders.domain.subscription.SubscriptionDifference.Kind;
import dev.pcorders.domain.subscription.SubscriptionId;
import dev.pcorders.domain.subscription.SubscriptionScope;
import dev.pcorders.domain.subscription.SubscriptionStatus;
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
 * What every subscription cache (run log, snapshot store, reader and change log) promises, run against the in-memory
 * reference and, later, the SQLite adapter alike. An implementation's test extends this and supplies an empty cache.
 */
public abstract class SubscriptionCacheContract {

    private static final SubscriptionScope SCOPE = new SubscriptionScope(CUSTOMER);
    private static final SubscriptionScope OTHER_SCOPE = new SubscriptionScope(OTHER_CUSTOMER);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private SubscriptionCache cache;
    private long runClock;

    /** A new cache with nothing stored. */
    protected abstract SubscriptionCache newCache();

    @BeforeEach
    void createCache() {
        cache = newCache();
    }

    /** Stores {@code pages} as one successful run of {@code scope}, the way the sync service does. */
    @SafeVarargs
    protected final SnapshotSummary sync(SubscriptionScope scope, Page<Subscription>... pages) {
        SyncRunId run = cache.runLog().startRun(scope, CorrelationId.random(), T0.plus(Duration.ofMinutes(++runClock)));
        SnapshotSummary summary = cache.snapshots().replaceSnapshot(run, scope, List.of(pages).iterator());
        cache.runLog().finishRun(run, SyncRunOutcome.succeeded(T0.plus(Duration.ofMinutes(runClock)), summary));
        return summary;
    }

    private List<Subscription> all() {
        return cache.subscriptions().findSubscriptions(SubscriptionCriteria.ALL, 0, 10_000);
    }

    private List<String> allChanges() {
        return cache.changes().findChanges(Optional.empty(), Optional.empty()).stream()
                .map(change -> change.subscriptionId() + " " + change.kind()).toList();
    }

    @Test
    void anEmptyCacheHasNothing() {
        assertThat(all()).isEmpty();
        assertThat(cache.subscriptions().countSubscriptions(SubscriptionCriteria.ALL)).isZero();
        assertThat(cache.subscriptions().findSubscriptionsById(SubscriptionId.of("s1"))).isEmpty();
        assertThat(cache.changes().findChanges(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void aFirstSnapshotAddsEverySubscription() {
        SnapshotSummary summary = sync(SCOPE, page(1, aSubscription("a").build(), aSubscription("b").build()),
                page(2, aSubscription("c").build()));

        assertThat(summary).isEqualTo(new SnapshotSummary(2, 3, 0, 3, 0, 0));
        assertThat(all()).extracting(s -> s.id().value()).containsExactly("a", "b", "c");
        assertThat(allChanges()).containsExactly("a ADDED", "b ADDED", "c ADDED");
    }

    @Test
    void aLaterSnapshotReportsAddedChangedAndRemoved() {
        sync(SCOPE, page(1, aSubscription("keep").build(), aSubscription("grow").build(),
                aSubscription("stop").build(), aSubscription("gone").build()));

        SnapshotSummary summary = sync(SCOPE, page(1, aSubscription("keep").etag("rotated").build(),
                aSubscription("grow").quantity(10).build(),
                aSubscription("stop").status(SubscriptionStatus.SUSPENDED).build(),
                aSubscription("new").build()));

        assertThat(summary).isEqualTo(new SnapshotSummary(1, 4, 0, 1, 2, 1));
        assertThat(summary.unchanged()).as("only keep, whose etag alone rotated").isEqualTo(1);
        List<SubscriptionChange> latest = cache.changes().findChanges(Optional.of(CUSTOMER), Optional.empty())
                .stream().filter(change -> change.run().value() == 2).toList();
        assertThat(latest).extracting(change -> change.subscriptionId() + " " + change.kind() + " "
                        + change.difference().before().orElse("-") + ">" + change.difference().after().orElse("-"))
                .containsExactlyInAnyOrder("grow QUANTITY_CHANGED 1>10", "stop STATUS_CHANGED active>suspended",
                        "new ADDED ->active", "gone REMOVED active>-");
        assertThat(all()).extracting(s -> s.id().value()).containsExactlyInAnyOrder("keep", "grow", "stop", "new");
        assertThat(cache.subscriptions().findSubscriptionsById(SubscriptionId.of("grow")))
                .singleElement().satisfies(s -> assertThat(s.quantity()).isEqualTo(10));
    }

    @Test
    void aSyncOfOneCustomerLeavesTheOtherCustomersSubscriptionsAlone() {
        sync(SCOPE, page(1, aSubscription("same").build()));
        sync(OTHER_SCOPE, page(1, aSubscription("same").customer(OTHER_CUSTOMER).build()));

        assertThat(sync(SCOPE).removed()).isEqualTo(1);

        assertThat(all()).singleElement().satisfies(s -> assertThat(s.customer()).isEqualTo(OTHER_CUSTOMER));
        assertThat(cache.changes().findChanges(Optional.of(OTHER_CUSTOMER), Optional.empty()))
                .extracting(SubscriptionChange::kind).containsExactly(Kind.ADDED);
    }

    @Test
    void aFailingPageIteratorChangesNothing() {
        sync(SCOPE, page(1, aSubscription("a").build(), aSubscription("b").build()));
        List<String> changesBefore = allChanges();
        PartnerCenterException.Throttled throttled =
                new PartnerCenterException.Throttled("page 2 throttled", PartnerCenterError.ofStatus(429));
        Iterator<Page<Subscription>> failingOnSecondPage = new Iterator<>() {
            private int served;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Page<Subscription> next() {
                if (served++ == 0) {
                    return page(1, aSubscription("a").status(SubscriptionStatus.DELETED).build(), aSubscription("c").build());
                }
                throw throttled;
            }
        };
        SyncRunId run = cache.runLog().startRun(SCOPE, CorrelationId.random(), T0.plus(Duration.ofHours(1)));

        assertThatThrownBy(() -> cache.snapshots().replaceSnapshot(run, SCOPE, failingOnSecondPage)).isSameAs(throttled);
        cache.runLog().finishRun(run, SyncRunOutcome.failed(T0.plus(Duration.ofHours(1)), "throttled"));

        assertThat(all()).extracting(s -> s.id() + " " + s.status()).containsExactly("a active", "b active");
        assertThat(allChanges()).isEqualTo(changesBefore);
        assertThat(sync(SCOPE, page(1, aSubscription("a").build()))).as("the next sync diffs against the intact snapshot")
                .isEqualTo(new SnapshotSummary(1, 1, 0, 0, 0, 1));
    }

    @Test
    void aRunStartedForAnotherScopeIsRefused() {
        SyncRunId otherRun = cache.runLog().startRun(OTHER_SCOPE, CorrelationId.random(), T0);

        assertThatThrownBy(() -> cache.snapshots().replaceSnapshot(otherRun, SCOPE,
                List.of(page(1, aSubscription("a").build())).iterator()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(all()).isEmpty();
    }

    @Test
    void aFinishedRunCannotBeWrittenAgain() {
        SyncRunId run = cache.runLog().startRun(SCOPE, CorrelationId.random(), T0);
        cache.runLog().finishRun(run, SyncRunOutcome.failed(T0, "gave up"));
        assertThatThrownBy(() -> cache.snapshots().replaceSnapshot(run, SCOPE, List.<Page<Subscription>>of().iterator()))
                .isInstanceOf(RuntimeException.class);
        assertThat(all()).isEmpty();
    }

    @Test
    void runsAreRecordedUnderTheSubscriptionsKind() {
        assertThat(cache.runLog().lastSucceededScopeKey(SubscriptionScope.KIND, CUSTOMER)).isEmpty();
        sync(SCOPE, page(1, aSubscription("a").build()));
        assertThat(cache.runLog().lastSucceededScopeKey(SubscriptionScope.KIND, CUSTOMER)
                .map(key -> SubscriptionScope.fromKey(CUSTOMER, key))).contains(SCOPE);
        assertThat(cache.runLog().succeededScopeKeys(SubscriptionScope.KIND, OTHER_CUSTOMER)).isEmpty();
    }

    @Test
    void aSubscriptionSentTwiceInOneSnapshotIsStoredOnceAsTheLaterVersion() {
        Subscription later = aSubscription("dup").quantity(7).build();
        SnapshotSummary summary = sync(SCOPE, page(1, aSubscription("dup").build()), page(2, later));
        assertThat(summary.items()).isEqualTo(1);
        assertThat(cache.subscriptions().findSubscriptionsById(SubscriptionId.of("dup"))).containsExactly(later);
    }

    @Test
    void criteriaFilterAndPagesAreOrderedByCreationDateAndForEachAgrees() {
        List<Subscription> subscriptions = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> subscriptions.add(aSubscription(String.format("s%02d", i))
                .creationDate(CREATED.plus(Duration.ofDays(20 - i)))
                .status(i % 4 == 0 ? SubscriptionStatus.SUSPENDED : SubscriptionStatus.ACTIVE)
                .offerId(i % 5 == 0 ? "OTHER:0001" : "MAIN:0001")
                .build()));
        sync(SCOPE, page(1, subscriptions.toArray(Subscription[]::new)));

        assertThat(cache.subscriptions().findSubscriptions(SubscriptionCriteria.ALL, 0, 3))
                .extracting(s -> s.id().value()).containsExactly("s19", "s18", "s17");
        assertThat(cache.subscriptions().findSubscriptions(SubscriptionCriteria.ALL, 18, 10)).hasSize(2);
        SubscriptionCriteria suspended = SubscriptionCriteria.ALL.withStatus(SubscriptionStatus.parse("Suspended"));
        assertThat(cache.subscriptions().countSubscriptions(suspended)).isEqualTo(5);
        assertThat(cache.subscriptions().countSubscriptions(SubscriptionCriteria.ALL.withOfferId("other:0001"))).isEqualTo(4);
        assertThat(cache.subscriptions().countSubscriptions(SubscriptionCriteria.ALL.withCustomer(OTHER_CUSTOMER))).isZero();
        assertThat(cache.subscriptions().countSubscriptions(SubscriptionCriteria.ALL.withOfferId("' OR '1'='1"))).isZero();

        List<Subscription> handedOver = new ArrayList<>();
        cache.subscriptions().forEachSubscription(suspended, handedOver::add);
        assertThat(handedOver).containsExactlyElementsOf(cache.subscriptions().findSubscriptions(suspended, 0, 100));
        RuntimeException stop = new IllegalStateException("enough");
        assertThatThrownBy(() -> cache.subscriptions().forEachSubscription(SubscriptionCriteria.ALL, s -> {
            throw stop;
        })).isSameAs(stop);
    }
}
