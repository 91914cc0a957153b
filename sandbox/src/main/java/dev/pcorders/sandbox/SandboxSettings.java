package dev.pcorders.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a sandbox is built. The data depend only on {@code seed}, {@code customers},
 * {@code ordersPerCustomer} and {@code lineItemsPerOrder}: the same values give byte-identical bodies.
 *
 * @param seed              everything generated (ids, prices, faults) follows from it
 * @param customers         how many customers the sandbox serves
 * @param ordersPerCustomer how many orders each customer has (system purchases included)
 * @param lineItemsPerOrder line items of every order, 1 to {@link #MAX_LINE_ITEMS}; 0 for a mix of 1 to 3
 * @param pageSize          orders per response; 0 turns paging off (one response holds them all)
 * @param faults            which requests fail and how
 * @param host              address to bind to
 * @param port              port to bind to; 0 picks a free one
 * @param latency           how long every Partner Center API request (not the token endpoint) waits before its answer
 * @param latencyJitter     each request's wait is {@code latency} plus a uniform draw from {@code -jitter..+jitter},
 *                          drawn from {@code seed} and the request's arrival number, so a run repeats; at most
 *                          {@code latency}, so no wait is negative
 * @param rateLimitPerMinute API requests admitted per tenant in any 60 seconds; beyond it 429 with
 *                          {@code Retry-After}; empty for no limit
 */
public record SandboxSettings(long seed, int customers, int ordersPerCustomer, int lineItemsPerOrder, int pageSize,
                              FaultPlan faults, String host, int port, Duration latency, Duration latencyJitter,
                              OptionalInt rateLimitPerMinute) {

    /** The most line items one order can have: each line of an order is a different offer of the catalog. */
    public static final int MAX_LINE_ITEMS = OfferCatalog.size();

    public SandboxSettings {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1, got " + customers);
        }
        if (ordersPerCustomer < 0) {
            throw new IllegalArgumentException("orders per customer must not be negative, got " + ordersPerCustomer);
        }
        if (lineItemsPerOrder < 0 || lineItemsPerOrder > MAX_LINE_ITEMS) {
            throw new IllegalArgumentException(
                    "line items per order must be 0 (mixed) or 1 to " + MAX_LINE_ITEMS + ", got " + lineItemsPerOrder);
        }
        if (pageSize < 0) {
            throw new IllegalArgumentException("page size must not be negative (0 turns paging off), got " + pageSize);
        }
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(latencyJitter, "latencyJitter");
        Objects.requireNonNull(rateLimitPerMinute, "rateLimitPerMinute");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
        if (latencyJitter.isNegative() || latencyJitter.compareTo(latency) > 0) {
            throw new IllegalArgumentException("latency jitter must be 0 to the latency (" + latency + "), got "
                    + latencyJitter + "; set the latency first");
        }
        if (rateLimitPerMinute.isPresent() && rateLimitPerMinute.getAsInt() < 1) {
            throw new IllegalArgumentException("rate limit must be at least 1 request per minute, got "
                    + rateLimitPerMinute.getAsInt());
        }
    }

    /**
     * Seed 42, 3 customers of 20 orders, mixed line items, no paging, no faults, 127.0.0.1 on a free port, no latency,
     * no rate limit.
     */
    public static SandboxSettings defaults() {
        return new SandboxSettings(42, 3, 20, 0, 0, FaultPlan.none(), "127.0.0.1", 0, Duration.ZERO, Duration.ZERO,
                OptionalInt.empty());
    }

    public SandboxSettings withSeed(long value) {
        return new SandboxSettings(value, customers, ordersPerCustomer, lineItemsPerOrder, pageSize, faults, host,
                port, latency, latencyJitter, rateLimitPerMinute);
    }

    public SandboxSettings withCustomers(int value) {
        return new SandboxSettings(seed, value, ordersPerCustomer, lineItemsPerOrder, pageSize, faults, host,
                port, latency, latencyJitter, rateLimitPerMinute);
    }

    public SandboxSettings withOrdersPerCustomer(int value) {
        return new SandboxSettings(seed, customers, value, lineItemsPerOrder, pageSize, faults, host,
                port, latency, latencyJitter, rateLimitPerMinute);
    }

    public SandboxSettings withLineItemsPerOrder(int value) {
        return new SandboxSettings(seed, customers, ordersPerCustomer, value, pageSize, faults, host,
                port, latency, latencyJitter, rateLimitPerMinute);
    }

    public SandboxSettings withPageSize(int value) {
        return new SandboxSettings(seed, customers, ordersPerCustomer, lineItemsPerOrder, value, faults, host,
                port, latency, latencyJitter, rateLimitPerMinute);
    }

    public SandboxSettings withFaults(FaultPlan value) {
        return new SandboxSettings(seed, customers, ordersPerCustomer, lineItemsPerOrder, pageSize, value, host,
                port, latency, latencyJitter, rateLimitPerMinute);
    }

    public SandboxSettings withHost(String value) {
        return new SandboxSettings(seed, customers, ordersPerCustomer, lineItemsPerOrder, pageSize, faults, value,
                port, latency, latencyJitter, rateLimitPerMinute);
    }

    public SandboxSettings withPort(int value) {
        return new SandboxSettings(seed, customers, ordersPerCustomer, lineItemsPerOrder, pageSize, faults, host,
                value, latency, latencyJitter, rateLimitPerMinute);
    }

    public SandboxSettings withLatency(Duration value) {
        return new SandboxSettings(seed, customers, ordersPerCustomer, lineItemsPerOrder, pageSize, faults, host, port,
                value, latencyJitter, rateLimitPerMinute);
    }

    public SandboxSettings withLatencyJitter(Duration value) {
        return new SandboxSettings(seed, customers, ordersPerCustomer, lineItemsPerOrder, pageSize, faults, host, port,
                latency, value, rateLimitPerMinute);
    }

    /** At most {@code perMinute} API requests of one tenant in any 60 seconds; see {@link RateLimit}. */
    public SandboxSettings withRateLimit(int perMinute) {
        return new SandboxSettings(seed, customers, ordersPerCustomer, lineItemsPerOrder, pageSize, faults, host, port,
                latency, latencyJitter, OptionalInt.of(perMinute));
    }
}
