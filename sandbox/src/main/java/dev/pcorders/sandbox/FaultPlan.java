package dev.pcorders.sandbox;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which requests fail, and how. Orders requests are numbered from 0 in the order the server receives
 * them (after authentication). Request {@code n} gets {@code schedule.get(n)} while the schedule lasts;
 * after it, with probability {@code fraction}, one of {@code randomKinds}, drawn from the sandbox's seed
 * and {@code n}, so the same seed and the same request sequence give the same faults.
 * <p>
 * The customers list and the subscriptions endpoints do not take part in that numbering (an orders schedule
 * means the same whatever else a client asks for); they fail by page ({@code customersFault}) and by customer
 * ({@code subscriptionsFaults}).
 *
 * @param schedule            faults for the first orders requests, in order ({@link FaultKind#NONE} for a normal answer)
 * @param fraction            share of the later orders requests that fail, 0 to 1
 * @param randomKinds         the kinds drawn from for those; must not be empty when fraction is above 0
 * @param retryAfterSeconds   value of {@code Retry-After} on 429 and 503
 * @param delay               how long a {@link FaultKind#DELAY} holds the response back
 * @param customersFault      a page of {@code GET /v1/customers} that fails, if any
 * @param subscriptionsFaults {@code GET /v1/customers/{id}/subscriptions} of these customers (lower-case tenant ids)
 *                            fails with the kind given, on every request
 */
public record FaultPlan(List<FaultKind> schedule, double fraction, List<FaultKind> randomKinds,
                        int retryAfterSeconds, Duration delay, Optional<PageFault> customersFault,
                        Map<String, FaultKind> subscriptionsFaults) {

    private static final int DEFAULT_RETRY_AFTER_SECONDS = 1;
    private static final Duration DEFAULT_DELAY = Duration.ofSeconds(2);

    /**
     * A page of the customers list that fails.
     *
     * @param page  which page, 1 for the first (the page a request asks for: its start over its {@code size})
     * @param kind  how it fails
     * @param times how many requests for that page fail before it is answered normally; {@link Integer#MAX_VALUE}
     *              for every one
     */
    public record PageFault(int page, FaultKind kind, int times) {
        public PageFault {
            if (page < 1) {
                throw new IllegalArgumentException("pages are numbered from 1, got " + page);
            }
            Objects.requireNonNull(kind, "kind");
            if (times < 1) {
                throw new IllegalArgumentException("a page fault must fail at least once, got " + times);
            }
        }
    }

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
        Objects.requireNonNull(customersFault, "customersFault");
        Map<String, FaultKind> byCustomer = new LinkedHashMap<>();
        subscriptionsFaults.forEach((customer, kind) ->
                byCustomer.put(customer.strip().toLowerCase(Locale.ROOT), Objects.requireNonNull(kind, "kind")));
        subscriptionsFaults = Map.copyOf(byCustomer);
    }

    /** A plan for orders only: the customers list and subscriptions are answered normally. */
    public FaultPlan(List<FaultKind> schedule, double fraction, List<FaultKind> randomKinds, int retryAfterSeconds,
                     Duration delay) {
        this(schedule, fraction, randomKinds, retryAfterSeconds, delay, Optional.empty(), Map.of());
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
        return new FaultPlan(newSchedule, fraction, randomKinds, retryAfterSeconds, delay, customersFault,
                subscriptionsFaults);
    }

    public FaultPlan withFraction(double newFraction, FaultKind... kinds) {
        return new FaultPlan(schedule, newFraction, Arrays.asList(kinds), retryAfterSeconds, delay, customersFault,
                subscriptionsFaults);
    }

    public FaultPlan withRetryAfterSeconds(int seconds) {
        return new FaultPlan(schedule, fraction, randomKinds, seconds, delay, customersFault, subscriptionsFaults);
    }

    public FaultPlan withDelay(Duration newDelay) {
        return new FaultPlan(schedule, fraction, randomKinds, retryAfterSeconds, newDelay, customersFault,
                subscriptionsFaults);
    }

    /** Every request for page {@code page} (1 = the first) of the customers list fails with {@code kind}. */
    public FaultPlan withCustomersPageFault(int page, FaultKind kind) {
        return withCustomersPageFault(page, kind, Integer.MAX_VALUE);
    }

    /** The first {@code times} requests for page {@code page} (1 = the first) of the customers list fail with {@code kind}. */
    public FaultPlan withCustomersPageFault(int page, FaultKind kind, int times) {
        return new FaultPlan(schedule, fraction, randomKinds, retryAfterSeconds, delay,
                Optional.of(new PageFault(page, kind, times)), subscriptionsFaults);
    }

    /** Every subscriptions request for this customer fails with {@code kind}. */
    public FaultPlan withSubscriptionsFault(String customerId, FaultKind kind) {
        Map<String, FaultKind> more = new LinkedHashMap<>(subscriptionsFaults);
        more.put(customerId, kind);
        return new FaultPlan(schedule, fraction, randomKinds, retryAfterSeconds, delay, customersFault, more);
    }

    /** Every subscriptions request for this customer gets 403 (code 20002, no commerce relationship). */
    public FaultPlan withSubscriptionsForbidden(String customerId) {
        return withSubscriptionsFault(customerId, FaultKind.FORBIDDEN);
    }

    boolean isNone() {
        return fraction == 0 && schedule.stream().allMatch(kind -> kind == FaultKind.NONE)
                && customersFault.isEmpty() && subscriptionsFaults.isEmpty();
    }
}
