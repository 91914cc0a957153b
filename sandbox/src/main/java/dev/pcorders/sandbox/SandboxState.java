package dev.pcorders.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the running server shares between requests: the data, the fault plan with its request counter,
 * redeemed refresh tokens, and counters that let tests see how the body was served.
 */
final class SandboxState {

    private final SandboxSettings settings;
    private final Supplier<SandboxData> generate;
    private volatile SandboxData data;
    private final AtomicLong ordersRequests = new AtomicLong();
    private final AtomicLong tokensIssued = new AtomicLong();
    private final AtomicLong bytesServed = new AtomicLong();
    private final AtomicLong chunksServed = new AtomicLong();
    private final AtomicLong largestChunk = new AtomicLong();
    private final AtomicLong customersPageFaults = new AtomicLong();
    private final Set<String> redeemedRefreshTokens = ConcurrentHashMap.newKeySet();
    private final SandboxTime time;
    private final RateLimit rateLimit;
    private final RequestLog requestLog = new RequestLog();
    private final AtomicLong apiRequests = new AtomicLong();

    /**
     * The data is made on first use, not before the server listens: its customers alone take seconds for a few hundred
     * thousand, and the address should be known (and printed) at once.
     */
    SandboxState(SandboxSettings settings, Supplier<SandboxData> generate, SandboxTime time) {
        this.settings = settings;
        this.generate = generate;
        this.time = time;
        this.rateLimit = new RateLimit(settings.rateLimitPerMinute());
    }

    SandboxTime time() {
        return time;
    }

    RateLimit rateLimit() {
        return rateLimit;
    }

    RequestLog requestLog() {
        return requestLog;
    }

    /** Numbers a Partner Center API request in arrival order, whatever its resource. */
    long apiRequestArrived() {
        requestLog.arrived();
        return apiRequests.getAndIncrement();
    }

    /**
     * The wait before request {@code number} is answered. Its jitter is drawn from the seed and the arrival number
     * rather than from one shared generator, so the same seed and request sequence give the same waits, and
     * concurrent requests never contend for a generator.
     */
    Duration latency(long number) {
        long jitter = settings.latencyJitter().toNanos();
        if (jitter == 0) {
            return settings.latency();
        }
        long offset = Seeds.random(settings.seed(), Seeds.LATENCY, number, 0).nextLong(-jitter, jitter + 1);
        return settings.latency().plusNanos(offset);
    }

    SandboxSettings settings() {
        return settings;
    }

    SandboxData data() {
        SandboxData made = data;
        if (made == null) {
            synchronized (this) {
                made = data;
                if (made == null) {
                    made = generate.get();
                    data = made;
                }
            }
        }
        return made;
    }

    /** Numbers the request and decides its fault from the plan and the seed. */
    FaultKind nextFault() {
        long number = ordersRequests.getAndIncrement();
        FaultPlan plan = settings.faults();
        if (number < plan.schedule().size()) {
            return plan.schedule().get((int) number);
        }
        if (plan.fraction() > 0) {
            SplittableRandom random = Seeds.random(settings.seed(), Seeds.FAULT, number, 0);
            if (random.nextDouble() < plan.fraction()) {
                return plan.randomKinds().get(random.nextInt(plan.randomKinds().size()));
            }
        }
        return FaultKind.NONE;
    }

    /** The fault for a request of the customers list's page {@code page} (1 = the first), counting its uses. */
    FaultKind customersFault(int page) {
        Optional<FaultPlan.PageFault> fault = settings.faults().customersFault();
        if (fault.isEmpty() || fault.get().page() != page) {
            return FaultKind.NONE;
        }
        return customersPageFaults.getAndIncrement() < fault.get().times() ? fault.get().kind() : FaultKind.NONE;
    }

    /** The fault for every subscriptions request of this customer. */
    FaultKind subscriptionsFault(String customerId) {
        return settings.faults().subscriptionsFaults().getOrDefault(customerId.strip().toLowerCase(Locale.ROOT),
                FaultKind.NONE);
    }

    long ordersRequests() {
        return ordersRequests.get();
    }

    SplittableRandom tokenRandom() {
        return Seeds.random(settings.seed(), Seeds.TOKEN, tokensIssued.getAndIncrement(), 1);
    }

    /** True the first time a refresh token is redeemed; false ever after (tokens rotate). */
    boolean redeem(String refreshToken) {
        return redeemedRefreshTokens.add(refreshToken);
    }

    void chunkServed(int bytes) {
        bytesServed.addAndGet(bytes);
        chunksServed.incrementAndGet();
        largestChunk.accumulateAndGet(bytes, Math::max);
    }

    ServedStatistics statistics() {
        return new ServedStatistics(ordersRequests.get(), bytesServed.get(), chunksServed.get(), largestChunk.get());
    }
}
