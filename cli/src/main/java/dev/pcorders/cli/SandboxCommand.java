package dev.pcorders.cli;

import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import io.micronaut.http.server.exceptions.ServerStartupException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Run a local Partner Center look-alike until interrupted (Ctrl+C).",
                "Prints its base URL, then every customer id it serves, one per line. Any bearer token is accepted.",
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

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() {
        SandboxSettings settings = DEFAULTS.withPort(port).withCustomers(customers).withOrdersPerCustomer(orders)
                .withSeed(seed).withPageSize(pageSize);
        try (SandboxServer sandbox = start(settings)) {
            PrintWriter out = root.out();
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

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already stopping, which is how the sandbox usually ends.
        }
    }
}
