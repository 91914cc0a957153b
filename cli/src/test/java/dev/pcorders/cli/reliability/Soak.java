package dev.pcorders.cli.reliability;

/**
 * How long the process-level scenarios run. {@code mvn verify} uses the small defaults; {@code cli/soak.sh}
 * raises them through system properties, so the same tests become the soak.
 */
final class Soak {

    static final String KILLS = "pc-orders.reliability.kills";
    static final String ITERATIONS = "pc-orders.reliability.iterations";
    static final String ORDERS = "pc-orders.reliability.orders";

    private Soak() {
    }

    /** SIGKILLs the crash scenario delivers. */
    static int kills() {
        return positive(KILLS, 20);
    }

    /** Syncs per writer process in the concurrency scenario. */
    static int iterations() {
        return positive(ITERATIONS, 4);
    }

    /** Orders of the customer the crash scenario syncs. */
    static int orders() {
        return positive(ORDERS, 6_000);
    }

    private static int positive(String property, int fallback) {
        int value = Integer.getInteger(property, fallback);
        if (value < 1) {
            throw new IllegalArgumentException(property + " must be at least 1, got " + value);
        }
        return value;
    }
}
