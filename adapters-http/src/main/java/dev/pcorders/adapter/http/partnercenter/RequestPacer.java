package dev.pcorders.adapter.http.partnercenter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Paces every request of one partner tenant, whichever client and thread sends it: Partner Center limits requests per
 * minute per tenant (500 for orders) and answers 429 beyond it. Share one pacer between all the clients of a tenant.
 * <ul>
 *   <li>Requests go out evenly spaced at the current rate, one slot each. Slots missed while every worker was busy
 *       (storing, say) may be caught up, but only those of the last {@link #CATCH_UP}, and never across a pause: a
 *       rate limiter that saves idle time through a pause (as Guava's does) sends every worker at once when the pause
 *       ends, into a window with room for one, and the 429s that follow spend the requests' retries (seen at 16
 *       workers told twice the sandbox's limit: a customer failed, throttled four times).</li>
 *   <li>A 429 pauses every request of the tenant until its {@code Retry-After} has passed (a throttled tenant must not
 *       be hammered by the other workers) and halves the rate; each request that succeeds afterwards raises it again by
 *       one request per minute, up to the limit given (additive increase, multiplicative decrease).</li>
 *   <li>The rate never halves below half the successes of the last minute: the tenant has just shown it gets that
 *       many through, and a rate starved further recovers for minutes (measured: 1.7x the rate-limit bound after the
 *       slow pages of the customer list left the window, against 1.2x simulated with this floor).</li>
 *   <li>The rate halves once per throttling, not once per 429: the other requests already in flight when the first
 *       429 came get theirs during the pause it began, and those only lengthen the pause if they ask for longer.
 *       Halving for each of them would drop the rate to a request a minute after one overload of 16 workers. A request
 *       whose slot came during a pause waits for its end and takes a new slot.</li>
 * </ul>
 */
public final class RequestPacer {

    /** Sends every request at once: no limit, nothing paused. */
    public static final RequestPacer UNLIMITED = new RequestPacer(0, Clock.systemUTC());

    /** How long a 429 without {@code Retry-After} pauses the tenant: Partner Center's windows are a minute long. */
    static final Duration PAUSE_WITHOUT_RETRY_AFTER = Duration.ofSeconds(10);

    /** How far back missed slots may be caught up: a second's worth of requests at most goes out at once. */
    static final Duration CATCH_UP = Duration.ofSeconds(1);

    private static final double NANOS_PER_MINUTE = 60e9;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final int limitPerMinute;
    private final Clock clock;
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private double ratePerMinute;
    private Instant nextSlot;
    /** When the successes of the last minute came, oldest first; at most about a minute's worth at the limit. */
    private final ArrayDeque<Instant> successes = new ArrayDeque<>();
    private Instant pausedUntil = Instant.MIN;

    private RequestPacer(int limitPerMinute, Clock clock) {
        this.limitPerMinute = limitPerMinute;
        this.clock = clock;
        this.ratePerMinute = limitPerMinute;
        // A new pacer has missed no slot: its first requests are spaced like any others.
        this.nextSlot = clock.instant();
    }

    /** At most {@code requests} a minute for the tenant. */
    public static RequestPacer perMinute(int requests) {
        return perMinute(requests, Clock.systemUTC());
    }

    /** As {@link #perMinute(int)}, with the slots and pauses read on {@code clock} (tests move it). */
    public static RequestPacer perMinute(int requests, Clock clock) {
        if (requests < 1) {
            throw new IllegalArgumentException("a rate limit is at least 1 request a minute, got " + requests);
        }
        return new RequestPacer(requests, Objects.requireNonNull(clock, "clock"));
    }

    /** The limit given, or 0 for {@link #UNLIMITED}. */
    public int limitPerMinute() {
        return limitPerMinute;
    }

    /** The rate requests go out at now: the limit, or less after a 429. */
    public synchronized double currentRatePerMinute() {
        return limitPerMinute == 0 ? 0 : ratePerMinute;
    }

    /** How many 429 answers the tenant got since this pacer was made; 0 for {@link #UNLIMITED}, which keeps no count. */
    public long throttledRequests() {
        return throttled.get();
    }

    /**
     * How many requests (retries included) were let through since this pacer was made; 0 for {@link #UNLIMITED},
     * which keeps no count.
     */
    public long requestsSent() {
        return sent.get();
    }

    /**
     * Waits until the tenant may send its next request: past any pause a 429 asked for, then within the rate.
     *
     * @throws InterruptedException when the waiting thread is interrupted (the sync is being cancelled)
     */
    void awaitTurn(Sleeper sleeper) throws InterruptedException {
        if (limitPerMinute == 0) {
            return;
        }
        while (true) {
            Instant slot = takeSlot();
            Duration wait = Duration.between(clock.instant(), slot);
            if (!wait.isNegative() && !wait.isZero()) {
                sleeper.sleep(wait);
            }
            synchronized (this) {
                if (!clock.instant().isBefore(pausedUntil)) {
                    sent.incrementAndGet();
                    return;
                }
            }
            // A 429 paused the tenant while this request waited for its slot: it waits for the pause like the others.
        }
    }

    /**
     * The next free slot, at most {@link #CATCH_UP} in the past and never before a pause ends; the one after it is a
     * rate's interval later.
     */
    private synchronized Instant takeSlot() {
        Instant slot = clock.instant().minus(CATCH_UP);
        if (slot.isBefore(pausedUntil)) {
            slot = pausedUntil;
        }
        if (slot.isBefore(nextSlot)) {
            slot = nextSlot;
        }
        nextSlot = slot.plusNanos((long) (NANOS_PER_MINUTE / ratePerMinute));
        return slot;
    }

    /** A request of the tenant was answered 429: pause every request, and slow down. */
    void throttled(Optional<Duration> retryAfter) {
        // UNLIMITED is one shared instance: a count there would mix every client's, so it keeps none.
        if (limitPerMinute == 0) {
            return;
        }
        throttled.incrementAndGet();
        Instant now = clock.instant();
        Instant until = now.plus(retryAfter.orElse(PAUSE_WITHOUT_RETRY_AFTER));
        synchronized (this) {
            boolean alreadyPaused = now.isBefore(pausedUntil);
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
            // Slots missed before the pause are forfeit: after it, requests start one interval apart.
            if (nextSlot.isBefore(pausedUntil)) {
                nextSlot = pausedUntil;
            }
            if (!alreadyPaused) {
                forgetSuccessesBefore(now.minus(MINUTE));
                double floor = Math.min(limitPerMinute, successes.size() / 2.0);
                ratePerMinute = Math.max(1, Math.max(ratePerMinute / 2, floor));
            }
        }
    }

    /** A request of the tenant succeeded: creep back towards the limit. */
    void succeeded() {
        if (limitPerMinute == 0) {
            return;
        }
        Instant now = clock.instant();
        synchronized (this) {
            ratePerMinute = Math.min(limitPerMinute, ratePerMinute + 1);
            forgetSuccessesBefore(now.minus(MINUTE));
            successes.addLast(now);
        }
    }

    private void forgetSuccessesBefore(Instant start) {
        while (!successes.isEmpty() && successes.peekFirst().isBefore(start)) {
            successes.pollFirst();
        }
    }

    @Override
    public String toString() {
        return limitPerMinute == 0 ? "RequestPacer[unlimited]" : "RequestPacer[" + limitPerMinute + "/min]";
    }

}
