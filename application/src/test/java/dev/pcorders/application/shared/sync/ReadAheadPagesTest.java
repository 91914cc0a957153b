package dev.pcorders.application.shared.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.application.shared.port.in.SyncProgress;
import dev.pcorders.application.shared.port.out.PageSource;
import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.testing.InMemorySyncRunLog;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The next page fetched while the cache stores the one before: proved with latches (the store holds a page until the
 * following one has been asked for, which deadlocks without read-ahead), never by timing.
 */
@Timeout(60)
class ReadAheadPagesTest {

    private static final TestScope SCOPE = new TestScope(new CustomerId(new UUID(9, 1)));

    private static Page<String> page(int number) {
        return new Page<>(number, List.of("item-" + number), OptionalInt.empty());
    }

    /** Pages 1..count, each fetch announcing itself on {@code asked}. */
    private static Iterator<Page<String>> pages(int count, List<CountDownLatch> asked) {
        return new Iterator<>() {
            private int next = 1;

            @Override
            public boolean hasNext() {
                return next <= count;
            }

            @Override
            public Page<String> next() {
                if (next > count) {
                    throw new NoSuchElementException();
                }
                asked.get(next - 1).countDown();
                return page(next++);
            }
        };
    }

    private static List<CountDownLatch> latches(int count) {
        List<CountDownLatch> latches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            latches.add(new CountDownLatch(1));
        }
        return latches;
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eachPageIsStoredWhileTheNextIsFetched() {
        List<CountDownLatch> asked = latches(3);
        List<Integer> pagesStored = new ArrayList<>();
        // The store takes each page only once the page after it has been asked for: without read-ahead the next
        // page is asked for only when the store asks, so this store would wait forever.
        SnapshotStore<TestScope, String> store = (run, scope, stored) -> {
            long items = 0;
            while (stored.hasNext()) {
                Page<String> page = stored.next();
                if (page.pageNumber() < 3) {
                    assertThat(await(asked.get(page.pageNumber()))).as("page %d asked for while page %d is stored",
                            page.pageNumber() + 1, page.pageNumber()).isTrue();
                }
                pagesStored.add(page.pageNumber());
                items += page.items().size();
            }
            return new SnapshotSummary(3, items, 0, items, 0, 0);
        };
        PageSource<TestScope, String> source = query -> Stream.iterate(1, n -> n <= 3, n -> n + 1).map(n -> {
            asked.get(n - 1).countDown();
            return page(n);
        });
        // No staging at all: every page reaches the store through the read-ahead alone.
        CustomerByCustomerSync<TestScope, String> sync = new CustomerByCustomerSync<>(source, store,
                new InMemorySyncRunLog(), (customer, key) -> new TestScope(customer), Clock.systemUTC(),
                new SyncConcurrency(1, 0));

        List<ScopeSyncOutcome<TestScope>> outcomes = sync.sync(List.of(SCOPE), CorrelationId.random(), SyncProgress.NONE);

        assertThat(outcomes).singleElement().isInstanceOf(ScopeSyncOutcome.Succeeded.class);
        assertThat(pagesStored).containsExactly(1, 2, 3);
    }

    @Test
    void pagesComeInOrderAndNeverMoreThanOneAhead() {
        List<CountDownLatch> asked = latches(4);
        try (ReadAheadPages<String> pages = ReadAheadPages.start(pages(4, asked))) {
            assertThat(await(asked.get(0))).isTrue();
            assertThat(asked.get(1).getCount()).as("the second page waits until the first is taken").isEqualTo(1);

            assertThat(pages.next().pageNumber()).isEqualTo(1);
            assertThat(await(asked.get(1))).isTrue();
            assertThat(asked.get(2).getCount()).isEqualTo(1);

            List<Integer> rest = new ArrayList<>();
            pages.forEachRemaining(page -> rest.add(page.pageNumber()));
            assertThat(rest).containsExactly(2, 3, 4);
            assertThat(pages.hasNext()).isFalse();
            assertThatThrownBy(pages::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void aFailedFetchIsThrownAsTheSameObjectWhereItsPageWouldHaveBeenTaken() {
        PartnerCenterException throttled = new PartnerCenterException.Unavailable("503 on page 2",
                PartnerCenterError.ofStatus(503), null);
        Iterator<Page<String>> failingOnSecond = new Iterator<>() {
            private int next = 1;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Page<String> next() {
                if (next == 2) {
                    throw throttled;
                }
                return page(next++);
            }
        };
        try (ReadAheadPages<String> pages = ReadAheadPages.start(failingOnSecond)) {
            assertThat(pages.next().pageNumber()).isEqualTo(1);
            assertThatThrownBy(pages::next).isSameAs(throttled);
        }
    }

    @Test
    void anInterruptWhileWaitingStopsTheFetchBeforeTheSourceIsClosed() throws InterruptedException {
        CountDownLatch fetchBegan = new CountDownLatch(1);
        AtomicBoolean fetchStillRunning = new AtomicBoolean();
        AtomicBoolean fetchSawInterrupt = new AtomicBoolean();
        Iterator<Page<String>> hanging = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Page<String> next() {
                fetchStillRunning.set(true);
                fetchBegan.countDown();
                try {
                    // A response that never comes; only an interrupt ends the wait.
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    fetchSawInterrupt.set(true);
                } finally {
                    fetchStillRunning.set(false);
                }
                throw new PartnerCenterException.Unavailable("interrupted", PartnerCenterError.ofStatus(503), null);
            }
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        AtomicBoolean fetchRunningAtClose = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> {
            ReadAheadPages<String> pages = ReadAheadPages.start(hanging);
            try {
                pages.next();
            } catch (Throwable t) {
                thrown.set(t);
                flagKept.set(Thread.currentThread().isInterrupted());
            } finally {
                pages.close();
                fetchRunningAtClose.set(fetchStillRunning.get());
            }
        });
        consumer.start();
        assertThat(fetchBegan.await(30, TimeUnit.SECONDS)).isTrue();

        consumer.interrupt();
        consumer.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(consumer.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
        assertThat(flagKept.get()).isTrue();
        assertThat(fetchSawInterrupt.get()).as("the fetch in flight was interrupted").isTrue();
        assertThat(fetchRunningAtClose.get()).as("close() returned only once the fetch had ended").isFalse();
    }
}
