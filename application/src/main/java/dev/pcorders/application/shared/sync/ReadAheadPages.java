package dev.pcorders.application.shared.sync;

import dev.pcorders.domain.shared.Page;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scope's pages with the next one always on its way: while the cache stores a page, the page after it is fetched
 * on another thread. Pages still come one after another (each needs the continuation token of the one before), so
 * one fetch at most is in flight per scope. A failure of a fetch is thrown, as the same object, by the {@link #next}
 * or {@link #hasNext} that would have returned its page. {@link #close} stops a fetch still in flight and waits for it
 * to let go of the source, so the source may be closed right after.
 */
final class ReadAheadPages<T> implements Iterator<Page<T>>, AutoCloseable {

    private static final AtomicInteger FETCHERS = new AtomicInteger();

    /**
     * Shared by every sync in the JVM: a thread per fetch in flight, idle ones ended after a few seconds, daemons so
     * that an embedding application never waits for them to exit.
     */
    private static final Executor FETCHER_THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "pc-orders-page-fetch-" + FETCHERS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private final Iterator<Page<T>> source;
    private final Executor fetchers;
    private Fetch<T> inFlight;
    private Optional<Page<T>> fetched;

    private ReadAheadPages(Iterator<Page<T>> source, Executor fetchers) {
        this.source = source;
        this.fetchers = fetchers;
    }

    /** Starts fetching the first page of {@code source} at once. */
    static <T> ReadAheadPages<T> start(Iterator<Page<T>> source) {
        ReadAheadPages<T> pages = new ReadAheadPages<>(source, FETCHER_THREADS);
        pages.fetchNext();
        return pages;
    }

    private void fetchNext() {
        inFlight = new Fetch<>(source);
        fetchers.execute(inFlight);
    }

    @Override
    public boolean hasNext() {
        return awaitFetched().isPresent();
    }

    @Override
    public Page<T> next() {
        Page<T> page = awaitFetched().orElseThrow(NoSuchElementException::new);
        fetched = null;
        fetchNext();
        return page;
    }

    private Optional<Page<T>> awaitFetched() {
        if (fetched == null) {
            fetched = inFlight.await();
            if (fetched.isEmpty()) {
                inFlight = null;
            }
        }
        return fetched;
    }

    @Override
    public void close() {
        if (inFlight != null) {
            inFlight.stop();
            inFlight = null;
        }
    }

    /** One page asked of the source on a fetcher thread; its end (page, none left or failure) is awaited by the caller. */
    private static final class Fetch<T> extends FutureTask<Optional<Page<T>>> {

        private final CountDownLatch ended = new CountDownLatch(1);

        Fetch(Iterator<Page<T>> source) {
            super(() -> source.hasNext() ? Optional.of(source.next()) : Optional.empty());
        }

        @Override
        public void run() {
            try {
                super.run();
            } finally {
                ended.countDown();
            }
        }

        /**
         * The fetched page; a fetch that failed throws its failure. An interrupt of the waiting thread stops the fetch
         * and ends the sync of this scope as cancelled, with the interrupt flag kept.
         */
        Optional<Page<T>> await() {
            try {
                return get();
            } catch (InterruptedException interrupted) {
                stop();
                throw Waits.cancelled("interrupted while waiting for the next page", interrupted);
            } catch (ExecutionException failed) {
                throw Waits.rethrow(failed, "fetching a page");
            }
        }

        /**
         * Interrupts the fetch if it runs and waits until its thread has let go of the source. Every fetch reaches
         * {@link #run} (the fetcher threads queue nothing), even one cancelled before it began.
         */
        void stop() {
            cancel(true);
            boolean interrupted = Thread.interrupted();
            while (true) {
                try {
                    ended.await();
                    break;
                } catch (InterruptedException again) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
