package dev.pcorders.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The Partner Center API requests the sandbox answered, newest last, for tests and benchmarks to count from the
 * server's side. Bounded: only the last {@link #CAPACITY} are kept (a few hundred bytes each), so a long benchmark
 * cannot exhaust the heap; the counters keep counting past it.
 */
final class RequestLog {

    static final int CAPACITY = 1_000_000;

    private final int capacity;
    private final ArrayDeque<LoggedRequest> entries = new ArrayDeque<>();
    private long arrivals;
    private long answers;
    private long throttled;

    RequestLog() {
        this(CAPACITY);
    }

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void arrived() {
        arrivals++;
        notifyAll();
    }

    synchronized void answered(LoggedRequest request) {
        if (entries.size() == capacity) {
            entries.pollFirst();
        }
        entries.addLast(request);
        answers++;
        if (request.status() == 429) {
            throttled++;
        }
        notifyAll();
    }

    synchronized List<LoggedRequest> snapshot() {
        return List.copyOf(entries);
    }

    synchronized long throttled() {
        return throttled;
    }

    /** Forgets what was logged and counted; requests in flight are logged when they are answered. */
    synchronized void reset() {
        entries.clear();
        arrivals = 0;
        answers = 0;
        throttled = 0;
    }

    /** Waits until {@code count} requests have arrived since the start or the last reset; false if time ran out. */
    synchronized boolean awaitArrivals(long count, Duration timeout) throws InterruptedException {
        return Monitors.await(this, () -> arrivals >= count, timeout);
    }

    /** Waits until every request that arrived since the start or the last reset has been answered; false if time ran out. */
    synchronized boolean awaitNoneInFlight(Duration timeout) throws InterruptedException {
        return Monitors.await(this, () -> answers >= arrivals, timeout);
    }

    /** Waits until {@code count} answers are logged since the start or the last reset; false if time ran out. */
    synchronized boolean awaitAnswers(long count, Duration timeout) throws InterruptedException {
        return Monitors.await(this, () -> entries.size() >= Math.min(count, capacity), timeout);
    }
}
