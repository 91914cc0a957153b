package dev.pcorders.sandbox;

import java.util.Objects;

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
 */
public record SandboxSettings(long seed, int customers, int ordersPerCustomer, int lineItemsPerOrder, int pageSize,
                              FaultPlan faults, String host, int port) {

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
    }

    /** Seed 42, 3 customers of 20 orders, mixed line items, no paging, no faults, 127.0.0.1 on a free port. */
    public static SandboxSettings defaults() {
        return new SandboxSettings(42, 3, 20, 0, 0, FaultPlan.none(), "127.0.0.1", 0);
    }

    public SandboxSettings withSeed(long value) {
        return new SandboxSettings(value, customers, ordersPerCustomer, lineItemsPerOrder, pageSize, faults, host, port);
    }

    public SandboxSettings withCustomers(int value) {
        return new SandboxSettings(seed, value, ordersPerCustomer, lineItemsPerOrder, pageSize, faults, host, port);
    }

    public SandboxSettings withOrdersPerCustomer(int value) {
        return new SandboxSettings(seed, customers, value, lineItemsPerOrder, pageSize, faults, host, port);
    }

    public SandboxSettings withLineItemsPerOrder(int value) {
        return new SandboxSettings(seed, customers, ordersPerCustomer, value, pageSize, faults, host, port);
    }

    public SandboxSettings withPageSize(int value) {
        return new SandboxSettings(seed, customers, ordersPerCustomer, lineItemsPerOrder, value, faults, host, port);
    }

    public SandboxSettings withFaults(FaultPlan value) {
        return new SandboxSettings(seed, customers, ordersPerCustomer, lineItemsPerOrder, pageSize, value, host, port);
    }

    public SandboxSettings withHost(String value) {
        return new SandboxSettings(seed, customers, ordersPerCustomer, lineItemsPerOrder, pageSize, faults, value, port);
    }

    public SandboxSettings withPort(int value) {
        return new SandboxSettings(seed, customers, ordersPerCustomer, lineItemsPerOrder, pageSize, faults, host, value);
    }
}
