package dev.pcorders.bootstrap;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An HTTP client of one resource, opened on first use: a caller that only syncs orders runs one client, not one per
 * resource. Empty when PcOrders has no Partner Center access; {@link #get()} then says what to configure.
 */
final class LazyClient<C> {

    private final Optional<Supplier<C>> opener;
    private final Consumer<C> closer;
    private final String use;
    private C client;

    /** {@code use} completes "build PcOrders with an accessTokenProvider(...) to ...". */
    LazyClient(Optional<Supplier<C>> opener, Consumer<C> closer, String use) {
        this.opener = opener;
        this.closer = closer;
        this.use = use;
    }

    synchronized C get() {
        if (client == null) {
            client = opener.orElseThrow(() -> new IllegalStateException(
                    "no Partner Center access: build PcOrders with an accessTokenProvider(...) to " + use)).get();
        }
        return client;
    }

    synchronized void close() {
        if (client != null) {
            closer.accept(client);
        }
    }
}
