package dev.pcorders.cli;

import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import io.micronaut.http.server.exceptions.ServerStartupException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Run a local Partner Center look-alike until interrupted (Ctrl+C).",
                "Prints its base URL, then every customer id it serves, one per line. Any bearer token is accepted.",
                "Its latency and rate limit go to stderr, so stdout stays the address and the ids.",
                "Try: PC_ORDERS_ACCESS_TOKEN=any pc-orders sync --base-url URL --customer ID"})
final class SandboxCommand implements Callable<Integer> {

    private static final SandboxSettings DEFAULTS = SandboxSettings.defaults();

    @ParentCommand
    PcOrdersCommand root;

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: 0, a free one).")
    int port;

    @Option(names = "--customers", paramLabel = "N", description = "How many customers (default: ${DEFAULT-VALUE}).")
    int customers = DEFAULTS.customers();

    @Option(names = "--orders", paramLabel = "N", description = "Orders per customer (default: ${DEFAULT-VALUE}).")
    int orders = DEFAULTS.ordersPerCustomer();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the generated data; same seed, same data (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Option(names = "--page-size", paramLabel = "N", description = "Orders per page, 0 for no paging (default: ${DEFAULT-VALUE}).")
    int pageSize = DEFAULTS.pageSize();

    @Option(names = "--latency-ms", paramLabel = "N",
            description = "Every API answer (not the token endpoint's) waits N ms (default: ${DEFAULT-VALUE}).")
    long latencyMs;

    @Option(names = "--latency-jitter-ms", paramLabel = "N",
            description = "Each wait varies by up to +/- N ms, repeatably by --seed; at most --latency-ms (default: ${DEFAULT-VALUE}).")
    long latencyJitterMs;

    @Option(names = "--rate-limit", paramLabel = "N",
            description = "API requests admitted per tenant in any minute; beyond it 429 with Retry-After (default: no limit).")
    Integer rateLimit;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() {
        // Checked here so a mistake is told in the flags' own terms, not as the settings' durations.
        Duration latency = milliseconds("--latency-ms", latencyMs);
        Duration jitter = milliseconds("--latency-jitter-ms", latencyJitterMs);
        if (latencyJitterMs > latencyMs) {
            throw new UsageException("--latency-jitter-ms must not exceed --latency-ms (" + latencyMs + "), got "
                    + latencyJitterMs);
        }
        SandboxSettings settings = DEFAULTS.withPort(port).withCustomers(customers).withOrdersPerCustomer(orders)
                .withSeed(seed).withPageSize(pageSize).withLatency(latency).withLatencyJitter(jitter);
        if (rateLimit != null) {
            if (rateLimit < 1) {
                throw new UsageException("--rate-limit must be at least 1 request per minute, got " + rateLimit);
            }
            settings = settings.withRateLimit(rateLimit);
        }
        try (SandboxServer sandbox = start(settings)) {
            PrintWriter out = root.out();
            root.err().println(banner(settings));
            root.err().flush();
            // The address first, before the customers are made: for a large data set that takes a while.
            out.println(sandbox.baseUrl());
            out.flush();
            sandbox.customerIds().forEach(out::println);
            out.flush();
            Thread hook = new Thread(stopped::countDown, "pc-orders-sandbox-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stopped.await();
            } catch (InterruptedException interrupted) {
                // An embedding caller stopping the command: as good a way to end as Ctrl+C.
                Thread.currentThread().interrupt();
            } finally {
                removeHook(hook);
            }
        }
        return ExitCodes.OK;
    }

    /** A port already taken is a bad --port, said in one line, not an internal error. */
    private SandboxServer start(SandboxSettings settings) {
        try {
            return Sandbox.start(settings);
        } catch (ServerStartupException notListening) {
            throw new UsageException("the sandbox cannot listen on port " + port + " (in use, or not allowed): "
                    + notListening.getMessage() + "; choose another with --port, or 0 for any free port");
        }
    }

    private static Duration milliseconds(String flag, long value) {
        if (value < 0) {
            throw new UsageException(flag + " must not be negative, got " + value);
        }
        return Duration.ofMillis(value);
    }

    static String banner(SandboxSettings settings) {
        return "sandbox: latency " + settings.latency().toMillis() + " ms +/- " + settings.latencyJitter().toMillis()
                + " ms, rate limit " + (settings.rateLimitPerMinute().isPresent()
                ? settings.rateLimitPerMinute().getAsInt() + " requests per minute per tenant" : "none");
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already stopping, which is how the sandbox usually ends.
        }
    }
}
