package dev.pcorders.adapter.http.partnercenter;

import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Unavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retries of one logical GET under a {@link RetryPolicy}: counts its failed attempts, draws the wait before the
 * next one and waits it out, and says when the attempts or the deadline (counted from the first attempt) are used up.
 */
final class RetryBudget {

    // The client's logger, as before the waiting moved here: log settings that quiet or raise the retries name it.
    private static final Logger LOG = LoggerFactory.getLogger(PartnerCenterHttp.class);

    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Instant deadline;
    private final String what;
    private final String requestId;
    private int failedAttempts;
    private int throttledAttempts;

    /**
     * How many 429s a paced request may take, as a multiple of its attempts: when the tenant's pacer slows every worker
     * down after a 429, the requests caught in flight meanwhile were throttled for the tenant's sake, not their own,
     * and the recovery takes a few rounds; four attempts would fail customers while the pacer still adapts.
     */
    static final int THROTTLED_ATTEMPTS_PER_ATTEMPT = 4;

    /** Starts the deadline now. */
    RetryBudget(RetryPolicy policy, Clock clock, Sleeper sleeper, String what, String requestId) {
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.deadline = clock.instant().plus(policy.deadline());
        this.what = what;
        this.requestId = requestId;
    }

    /**
     * 408, 429 and every 5xx, also those Partner Center does not document (a proxy's 520, say): a server-side
     * failure may pass, and the attempts are bounded. Nothing else is retried.
     */
    static boolean isRetried(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599);
    }

    /** Counts a failed attempt; the wait before the next one, or empty when the attempts or the deadline are used up. */
    Optional<Duration> afterFailure(Optional<Duration> retryAfter) {
        failedAttempts++;
        if (failedAttempts >= policy.maxAttempts()) {
            return Optional.empty();
        }
        Duration wait = waitBefore(failedAttempts, retryAfter);
        if (clock.instant().plus(wait).isAfter(deadline)) {
            LOG.warn("{} [MS-RequestId {}]: the next retry would pass the {} deadline; giving up", what, requestId,
                    policy.deadline());
            return Optional.empty();
        }
        return Optional.of(wait);
    }

    /**
     * Counts a 429 of a paced request: it spends none of the request's attempts, only its own larger allowance
     * ({@link #THROTTLED_ATTEMPTS_PER_ATTEMPT} times as many) and the deadline. The wait before the next attempt, or empty
     * when the allowance or the deadline is used up.
     */
    Optional<Duration> afterThrottledWhilePaced(Optional<Duration> retryAfter) {
        throttledAttempts++;
        if (throttledAttempts >= policy.maxAttempts() * THROTTLED_ATTEMPTS_PER_ATTEMPT) {
            return Optional.empty();
        }
        // The backoff stays that of the request's own failures: the pacer already spaces the tenant's retries.
        Duration wait = waitBefore(Math.max(1, failedAttempts), retryAfter);
        if (clock.instant().plus(wait).isAfter(deadline)) {
            LOG.warn("{} [MS-RequestId {}]: the next retry would pass the {} deadline; giving up", what, requestId,
                    policy.deadline());
            return Optional.empty();
        }
        return Optional.of(wait);
    }

    int failedAttempts() {
        return failedAttempts;
    }

    int throttledAttempts() {
        return throttledAttempts;
    }

    int maxAttempts() {
        return policy.maxAttempts();
    }

    private Duration waitBefore(int retry, Optional<Duration> retryAfter) {
        long ceilingNanos = policy.backoffCeiling(retry).toNanos();
        // Full jitter: parallel clients that failed together do not retry together.
        Duration backoff = Duration.ofNanos(ceilingNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(ceilingNanos + 1));
        if (retryAfter.isEmpty()) {
            return backoff;
        }
        // Never sooner than Partner Center asked, and never sooner than the backoff: a service that keeps answering
        // "Retry-After: 0" is still backed off exponentially instead of being asked again at once.
        Duration asked = retryAfter.get().compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : retryAfter.get();
        return asked.compareTo(backoff) >= 0 ? asked : backoff;
    }

    /** Waits {@code wait}; an interrupt ends the GET as {@link Unavailable} with the ids of the attempt that failed. */
    void pause(Duration wait, Supplier<PartnerCenterError> sent) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting to retry", sent.get(), e);
        }
    }
}
