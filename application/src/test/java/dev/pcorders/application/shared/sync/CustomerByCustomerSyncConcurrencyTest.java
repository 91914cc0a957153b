package dev.pcorders.application.shared.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.application.shared.port.in.SyncFailure;
import dev.pcorders.application.shared.port.in.SyncProgress;
import dev.pcorders.application.shared.port.out.PageSource;
import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.shared.testing.InMemorySyncRunLog;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Customers synced several at once: never more in flight than allowed, each customer's outcome its own, a failing
 * cache stopping the rest, an interrupt leaving what finished stored. Workers are made to overlap by latches, never by
 * sleeping.
 */
@Timeout(60)
class CustomerByCustomerSyncConcurrencyTest {

    private final InMemorySyncRunLog runLog = new InMemorySyncRunLog();
    private final Set<CustomerId> stored = ConcurrentHashMap.newKeySet();
    private final SnapshotStore<TestScope, String> store = (run, scope, pages) -> {
        long items = 0;
        while (pages.hasNext()) {
            items += pages.next().items().size();
        }
        stored.add(scope.customer());
        return new SnapshotSummary(1, items, 0, items, 0, 0);
    };

    private static List<TestScope> customers(int count) {
        return IntStream.range(0, count).mapToObj(i -> new TestScope(new CustomerId(new UUID(7, i)))).toList();
    }

    private static Stream<Page<String>> onePage(TestScope scope) {
        return Stream.of(new Page<>(1, List.of(scope.customer().toString()), OptionalInt.empty()));
    }

    private CustomerByCustomerSync<TestScope, String> sync(PageSource<TestScope, String> source, int atOnce) {
        return new CustomerByCustomerSync<>(source, store, runLog, (customer, key) -> new TestScope(customer),
                Clock.systemUTC(), SyncConcurrency.customersAtOnce(atOnce));
    }

    @Test
    void neverMoreCustomersInFlightThanAllowedAndTheAllowedNumberIsReached() {
        int atOnce = 4;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        // The first four fetches wait for one another, so all four are provably in flight together.
        CountDownLatch firstWave = new CountDownLatch(atOnce);
        PageSource<TestScope, String> source = query -> {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            firstWave.countDown();
            try {
                assertThat(firstWave.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            inFlight.decrementAndGet();
            return onePage(query.scope());
        };
        List<TestScope> scopes = customers(13);

        List<ScopeSyncOutcome<TestScope>> outcomes = sync(source, atOnce).sync(scopes, CorrelationId.random(), SyncProgress.NONE);

        assertThat(outcomes).extracting(ScopeSyncOutcome::scope).containsExactlyElementsOf(scopes);
        assertThat(outcomes).allMatch(ScopeSyncOutcome.Succeeded.class::isInstance);
        assertThat(mostInFlight.get()).isEqualTo(atOnce);
        assertThat(stored).hasSize(13);
        assertThat(runLog.runs()).hasSize(13);
    }

    @Test
    void aCustomerPartnerCenterRefusesIsItsOwnFailedOutcomeAndEveryOtherIsStored() {
        List<TestScope> scopes = customers(6);
        TestScope refused = scopes.get(2);
        List<CustomerId> finished = Collections.synchronizedList(new ArrayList<>());
        SyncProgress progress = new SyncProgress() {
            @Override
            public void pageFetched(CustomerId customer, long pages, long items) {
            }

            @Override
            public void customerFinished(CustomerId customer, boolean wasStored) {
                finished.add(customer);
            }
        };
        PageSource<TestScope, String> source = query -> {
            if (query.scope().equals(refused)) {
                throw new PartnerCenterException.Forbidden("403 for this customer", PartnerCenterError.ofStatus(403));
            }
            return onePage(query.scope());
        };

        List<ScopeSyncOutcome<TestScope>> outcomes = sync(source, 3).sync(scopes, CorrelationId.random(), progress);

        assertThat(outcomes.get(2)).isInstanceOfSatisfying(ScopeSyncOutcome.Failed.class,
                failed -> assertThat(failed.failure().kind()).isEqualTo(SyncFailure.Kind.FORBIDDEN));
        assertThat(stored).hasSize(5).doesNotContain(refused.customer());
        assertThat(finished).hasSize(6);
    }

    @Test
    void aFailingCacheStopsTheSyncAndPropagatesItsFailure() {
        StoreException diskFull = new StoreException(StoreException.Reason.UNEXPECTED, "disk full");
        SnapshotStore<TestScope, String> failing = (run, scope, pages) -> {
            throw diskFull;
        };
        CustomerByCustomerSync<TestScope, String> sync = new CustomerByCustomerSync<>(query -> onePage(query.scope()),
                failing, runLog, (customer, key) -> new TestScope(customer), Clock.systemUTC(),
                SyncConcurrency.customersAtOnce(4));

        assertThatThrownBy(() -> sync.sync(customers(20), CorrelationId.random(), SyncProgress.NONE)).isSameAs(diskFull);
        assertThat(runLog.runs()).as("every run begun was ended").allMatch(run -> run.outcome().isPresent());
    }

    @Test
    void anInterruptCancelsTheSyncAndWhatFinishedStaysStored() throws InterruptedException {
        List<TestScope> scopes = customers(8);
        CountDownLatch firstStored = new CountDownLatch(1);
        CountDownLatch neverOpened = new CountDownLatch(1);
        PageSource<TestScope, String> source = query -> {
            if (query.scope().equals(scopes.get(0))) {
                return onePage(query.scope());
            }
            try {
                // Every other customer waits until interrupted, as a request in flight would.
                neverOpened.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PartnerCenterException.Unavailable("interrupted", PartnerCenterError.ofStatus(503), e);
            }
            return onePage(query.scope());
        };
        SnapshotStore<TestScope, String> signalling = (run, scope, pages) -> {
            SnapshotSummary summary = store.replaceSnapshot(run, scope, pages);
            firstStored.countDown();
            return summary;
        };
        CustomerByCustomerSync<TestScope, String> sync = new CustomerByCustomerSync<>(source, signalling, runLog,
                (customer, key) -> new TestScope(customer), Clock.systemUTC(), SyncConcurrency.customersAtOnce(3));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                sync.sync(scopes, CorrelationId.random(), SyncProgress.NONE);
            } catch (Throwable t) {
                thrown.set(t);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        assertThat(firstStored.await(30, TimeUnit.SECONDS)).isTrue();

        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class).hasMessageContaining("finished are stored");
        assertThat(flagKept.get()).isTrue();
        assertThat(stored).contains(scopes.get(0).customer());
    }
}
