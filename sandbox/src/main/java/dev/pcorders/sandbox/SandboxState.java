package dev.pcorders.sandbox;

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

    /**
     * The data is made on first use, not before the server listens: its customers alone take seconds for a few hundred
     * thousand, and the address should be known (and printed) at once.
     */
    SandboxState(SandboxSettings settings, Supplier<SandboxData> generate) {
        this.settings = settings;
        this.generate = generate;
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
