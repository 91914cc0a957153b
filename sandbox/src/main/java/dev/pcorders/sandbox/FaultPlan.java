package dev.pcorders.sandbox;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Which orders requests fail, and how. Requests are numbered from 0 in the order the server receives
 * them (after authentication). Request {@code n} gets {@code schedule.get(n)} while the schedule lasts;
 * after it, with probability {@code fraction}, one of {@code randomKinds}, drawn from the sandbox's seed
 * and {@code n}, so the same seed and the same request sequence give the same faults.
 *
 * @param schedule        faults for the first requests, in order ({@link FaultKind#NONE} for a normal answer)
 * @param fraction        share of the later requests that fail, 0 to 1
 * @param randomKinds     the kinds drawn from for those; must not be empty when fraction is above 0
 * @param retryAfterSeconds value of {@code Retry-After} on 429 and 503
 * @param delay           how long a {@link FaultKind#DELAY} holds the response back
 */
public record FaultPlan(List<FaultKind> schedule, double fraction, List<FaultKind> randomKinds,
                        int retryAfterSeconds, Duration delay) {

    private static final int DEFAULT_RETRY_AFTER_SECONDS = 1;
    private static final Duration DEFAULT_DELAY = Duration.ofSeconds(2);

    public FaultPlan {
        schedule = List.copyOf(schedule);
        randomKinds = List.copyOf(randomKinds);
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fault fraction must be between 0 and 1, got " + fraction);
        }
        if (fraction > 0 && randomKinds.isEmpty()) {
            throw new IllegalArgumentException("a fault fraction above 0 needs at least one fault kind");
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("Retry-After must not be negative, got " + retryAfterSeconds);
        }
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
    }

    /** Every request answered normally. */
    public static FaultPlan none() {
        return new FaultPlan(List.of(), 0, List.of(), DEFAULT_RETRY_AFTER_SECONDS, DEFAULT_DELAY);
    }

    /** Request 0 gets {@code kinds[0]}, request 1 {@code kinds[1]}, ...; later requests are answered normally. */
    public static FaultPlan schedule(FaultKind... kinds) {
        return none().withSchedule(Arrays.asList(kinds));
    }

    /** A share of all requests fails with one of {@code kinds}, chosen from the seed. */
    public static FaultPlan fraction(double fraction, FaultKind... kinds) {
        return new FaultPlan(List.of(), fraction, Arrays.asList(kinds), DEFAULT_RETRY_AFTER_SECONDS, DEFAULT_DELAY);
    }

    public FaultPlan withSchedule(List<FaultKind> newSchedule) {
        return new FaultPlan(newSchedule, fraction, randomKinds, retryAfterSeconds, delay);
    }

    public FaultPlan withFraction(double newFraction, FaultKind... kinds) {
        return new FaultPlan(schedule, newFraction, Arrays.asList(kinds), retryAfterSeconds, delay);
    }

    public FaultPlan withRetryAfterSeconds(int seconds) {
        return new FaultPlan(schedule, fraction, randomKinds, seconds, delay);
    }

    public FaultPlan withDelay(Duration newDelay) {
        return new FaultPlan(schedule, fraction, randomKinds, retryAfterSeconds, newDelay);
    }

    boolean isNone() {
        return fraction == 0 && schedule.stream().allMatch(kind -> kind == FaultKind.NONE);
    }
}
