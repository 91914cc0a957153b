package dev.pcorders.sandbox;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.netty.channel.EventLoopGroupRegistry;
import io.micronaut.http.server.netty.NettyEmbeddedServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running sandbox: a Micronaut HTTP server speaking the Partner Center orders contract (with the partner's
 * customer list and each customer's subscriptions) and an Entra
 * ID look-alike token endpoint on one port. Close it to stop it. Configure a client with
 * {@link #baseUrl()} as the Partner Center API base (requests go to {@code {base}/v1/customers/...}) and
 * as the login authority (token requests go to {@link #tokenEndpoint(String)}).
 */
public final class SandboxServer implements AutoCloseable {

    static final String ENABLED_PROPERTY = "pc-orders.sandbox.enabled";
    /**
     * Netty waits this long for new tasks before its event loops end (2 s by default): a sandbox is closed
     * between tests and at the end of a demo, where waiting only delays the next start or the JVM's exit.
     * Not zero: Micronaut starts the loops' shutdown before it closes the listening channel, and with no
     * quiet period a loop could end first, leaving the socket listening, unserved, until the JVM exits
     * (5 closes in 40 under CPU load here; none in 120 with 100 ms: rarer, not impossible, so close()
     * also waits for the port to refuse connections).
     */
    private static final String SHUTDOWN_QUIET_PERIOD = "100ms";
    private static final String SHUTDOWN_TIMEOUT = "5s";
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    private static final Duration PORT_RELEASE_LIMIT = Duration.ofSeconds(5);

    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final SandboxState state;
    private final URI baseUrl;

    private SandboxServer(ApplicationContext context, EmbeddedServer server, SandboxState state) {
        this.context = context;
        this.server = server;
        this.state = state;
        this.baseUrl = URI.create("http://" + hostForUrl(state.settings().host()) + ":" + server.getPort());
    }

    static SandboxServer start(SandboxSettings settings) {
        return start(settings, SandboxTime.system());
    }

    /** With a time source of the caller's, so a test can move the rate limit's window and release the latency. */
    static SandboxServer start(SandboxSettings settings, SandboxTime time) {
        SandboxState state = new SandboxState(settings, () -> SandboxData.generate(settings), time);
        ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .banner(false)
                // Settings come from SandboxSettings only, never from a host application's files or variables.
                .enableDefaultPropertySources(false)
                .environmentPropertySource(false)
                .properties(Map.of(
                        ENABLED_PROPERTY, "true",
                        "micronaut.application.name", "pc-orders-sandbox",
                        "micronaut.server.host", settings.host(),
                        "micronaut.server.port", settings.port(),
                        "micronaut.server.date-header", false,
                        "micronaut.server.netty.parent.shutdown-quiet-period", SHUTDOWN_QUIET_PERIOD,
                        "micronaut.server.netty.parent.shutdown-timeout", SHUTDOWN_TIMEOUT,
                        "micronaut.netty.event-loops.default.shutdown-quiet-period", SHUTDOWN_QUIET_PERIOD,
                        "micronaut.netty.event-loops.default.shutdown-timeout", SHUTDOWN_TIMEOUT))
                .singletons(state)
                .start();
        try {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            SandboxServer sandbox = new SandboxServer(context, server, state);
            LOG.info("sandbox serving {} customers at {}", settings.customers(), sandbox.baseUrl);
            return sandbox;
        } catch (RuntimeException startFailed) {
            context.close();
            throw startFailed;
        }
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** {@code http://127.0.0.1:<port>}: the API base (without {@code /v1}) and the login authority. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The port it was started on; still answers after {@link #close()}. */
    public int port() {
        return baseUrl.getPort();
    }

    /** {@code {base}/v1/customers/{customerId}/orders}. */
    public URI ordersUrl(String customerId) {
        return baseUrl.resolve("/v1/customers/" + customerId + "/orders");
    }

    /** {@code {base}/v1/customers}: the partner's customers, a page at a time ({@code ?size=N}, 40 by default). */
    public URI customersUrl() {
        return baseUrl.resolve("/v1/customers");
    }

    /** {@code {base}/v1/customers/{customerId}/subscriptions}. */
    public URI subscriptionsUrl(String customerId) {
        return baseUrl.resolve("/v1/customers/" + customerId + "/subscriptions");
    }

    /** The planted subscription cases the subscriptions endpoint serves; see {@link PlantedSubscriptions}. */
    public PlantedSubscriptions plantedSubscriptions() {
        return state.data().plantedSubscriptions();
    }

    /** {@code {base}/{tenant}/oauth2/v2.0/token}: where a client asks for access tokens. */
    public URI tokenEndpoint(String tenant) {
        return baseUrl.resolve("/" + tenant + "/oauth2/v2.0/token");
    }

    /** The OAuth scope the token endpoint assumes when none is asked for. */
    public String defaultScope() {
        return TokenController.DEFAULT_SCOPE;
    }

    public SandboxSettings settings() {
        return state.settings();
    }

    public SandboxData data() {
        return state.data();
    }

    public List<SandboxCustomer> customers() {
        return state.data().customers();
    }

    /** The tenant ids of every customer served, in order. */
    public List<String> customerIds() {
        return customers().stream().map(SandboxCustomer::id).collect(Collectors.toList());
    }

    /** Counters of what has been served, for tests that check how bodies went out. */
    public ServedStatistics statistics() {
        return state.statistics();
    }

    /**
     * The Partner Center API requests (orders, customers, subscriptions; never the token endpoint) answered since the
     * start or the last {@link #resetRequestLog()}, in the order they were answered ({@link LoggedRequest#number()}
     * is the arrival order). Holds the last {@value RequestLog#CAPACITY} at most. An immutable copy.
     */
    public List<LoggedRequest> requestLog() {
        return state.requestLog().snapshot();
    }

    /** How many API requests were answered 429, by the rate limit or a THROTTLED fault, since start or reset. */
    public long throttledRequests() {
        return state.requestLog().throttled();
    }

    /** Empties the request log and its throttled count; the rate limit's window and {@link #statistics()} stay. */
    public void resetRequestLog() {
        state.requestLog().reset();
    }

    /**
     * Waits until {@code count} API requests have been answered since the start or the last reset, for callers that
     * send requests they do not wait for themselves; false if {@code timeout} passed first.
     */
    public boolean awaitAnswered(long count, Duration timeout) throws InterruptedException {
        return state.requestLog().awaitAnswers(count, timeout);
    }

    /**
     * Waits until {@code count} API requests have arrived since the start or the last reset, answered or not: with a
     * latency set, a test knows a request is in flight; false if {@code timeout} passed first.
     */
    public boolean awaitArrived(long count, Duration timeout) throws InterruptedException {
        return state.requestLog().awaitArrivals(count, timeout);
    }

    /**
     * Waits until every API request that arrived since the start or the last reset has been answered (and logged), as
     * one must before {@link #resetRequestLog()} when a client that was killed may have left a request in flight: its
     * answer would otherwise be logged after the reset. False if {@code timeout} passed first.
     */
    public boolean awaitNoneInFlight(Duration timeout) throws InterruptedException {
        return state.requestLog().awaitNoneInFlight(timeout);
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /**
     * Stops serving and returns once the port is free and the server's threads have ended, so a caller can
     * restart on the same port, see connections refused, or let its JVM exit at once. Repeatable.
     */
    @Override
    public synchronized void close() {
        if (!context.isRunning()) {
            return;
        }
        EventLoopGroup workers = context.getBean(EventLoopGroupRegistry.class).getDefaultEventLoopGroup();
        try {
            // EmbeddedServer.stop() only starts the shutdown and returns with the socket still listening;
            // stopServerOnly() waits for the server's own event loops, which hold the listening socket.
            if (server instanceof NettyEmbeddedServer) {
                ((NettyEmbeddedServer) server).stopServerOnly();
            } else {
                server.stop();
            }
        } finally {
            context.close();
            // The context shuts the shared worker loops down without waiting for them.
            workers.terminationFuture().awaitUninterruptibly();
            awaitPortRefused();
        }
    }

    /**
     * On a loaded machine the listening socket can still accept for a moment after Netty reports its loops
     * ended; the promise of {@link #close()} is a refused connection, so wait for one, within a bound.
     */
    private void awaitPortRefused() {
        // Not server.getPort(): once stopped, Netty answers with the configured port (0 for a random one).
        InetSocketAddress address = new InetSocketAddress(state.settings().host(), baseUrl.getPort());
        long deadline = System.nanoTime() + PORT_RELEASE_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(address, 100);
            } catch (ConnectException refused) {
                return;
            } catch (IOException timedOutOrOther) {
                // Not a refusal: try again until the bound.
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warn("sandbox port {} still accepted connections {} after close", address.getPort(), PORT_RELEASE_LIMIT);
    }
}
