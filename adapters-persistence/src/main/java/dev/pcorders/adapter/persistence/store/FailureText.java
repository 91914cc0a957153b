package dev.pcorders.adapter.persistence.store;

import java.time.Duration;

/** How every store's failure messages name a wait and a cause, so SQLite's and PostgreSQL's read alike. */
public final class FailureText {

    private FailureText() {
    }

    /** {@code 10 min}, {@code 30 s} or {@code 250 ms}, whichever is exact. */
    public static String readable(Duration wait) {
        if (wait.toMillis() % 60_000 == 0) {
            return wait.toMinutes() + " min";
        }
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }

    /** The deepest cause, as {@code SimpleName: message}: the driver's own words, under the adapter's wrappers. */
    public static String describe(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage();
        return deepest.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
