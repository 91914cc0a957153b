package dev.pcorders.adapter.http.partnercenter;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how long a transient failure (408, 429, 5xx, a reset connection, a read timeout) is
 * retried: at most {@code maxAttempts} attempts in all, waits drawn with full jitter from
 * {@code [0, min(maxDelay, baseDelay * 2^(retry-1))]}, or Partner Center's Retry-After (capped by {@code maxDelay})
 * when that is longer, and never a wait that would end after {@code deadline} from the first attempt.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));

    /** One attempt, no retries. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(2));

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(deadline, "deadline");
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts must be 1 to 100, got " + maxAttempts);
        }
        if (baseDelay.isNegative()) {
            throw new IllegalArgumentException("baseDelay must not be negative, got " + baseDelay);
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must not be less than baseDelay (" + baseDelay + ")");
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, got " + deadline);
        }
    }

    public RetryPolicy withMaxAttempts(int value) {
        return new RetryPolicy(value, baseDelay, maxDelay, deadline);
    }

    public RetryPolicy withBaseDelay(Duration value) {
        return new RetryPolicy(maxAttempts, value, maxDelay, deadline);
    }

    public RetryPolicy withMaxDelay(Duration value) {
        return new RetryPolicy(maxAttempts, baseDelay, value, deadline);
    }

    public RetryPolicy withDeadline(Duration value) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, value);
    }

    /** The upper bound of the jittered wait before retry number {@code retry} (1 for the first retry). */
    Duration backoffCeiling(int retry) {
        // Doubling stops early: 2^30 * any sensible base delay is far beyond any max delay.
        Duration ceiling = baseDelay.multipliedBy(1L << Math.min(retry - 1, 30));
        return ceiling.compareTo(maxDelay) > 0 || ceiling.isNegative() ? maxDelay : ceiling;
    }
}
