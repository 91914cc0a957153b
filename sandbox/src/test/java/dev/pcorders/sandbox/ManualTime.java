package dev.pcorders.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Time that moves only when a test says so: the sandbox's waits end inside {@link #advance(Duration)}, on the test's
 * thread, so what a test asserts after it has already happened, and nothing before it can.
 */
final class ManualTime implements SandboxTime {

    private record Waiting(Instant due, MonoSink<Long> sink) {
    }

    private Instant now;
    private final List<Waiting> waiting = new ArrayList<>();

    ManualTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public Mono<?> after(Duration wait) {
        return Mono.<Long>create(sink -> {
            synchronized (this) {
                if (wait.isZero()) {
                    sink.success(0L);
                } else {
                    waiting.add(new Waiting(now.plus(wait), sink));
                    notifyAll();
                }
            }
        });
    }

    /** Waits until {@code count} waits have begun and not ended; false if {@code timeout} passed first. */
    synchronized boolean awaitWaiting(int count, Duration timeout) throws InterruptedException {
        return Monitors.await(this, () -> waiting.size() >= count, timeout);
    }

    void advance(Duration step) {
        List<MonoSink<Long>> due = new ArrayList<>();
        synchronized (this) {
            now = now.plus(step);
            for (Iterator<Waiting> each = waiting.iterator(); each.hasNext(); ) {
                Waiting one = each.next();
                if (!one.due().isAfter(now)) {
                    due.add(one.sink());
                    each.remove();
                }
            }
        }
        // Outside the lock: ending a wait runs the rest of the response's pipeline, which asks for now() again.
        due.forEach(sink -> sink.success(0L));
    }
}
