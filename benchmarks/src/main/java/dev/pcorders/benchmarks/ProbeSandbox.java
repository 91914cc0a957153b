package dev.pcorders.benchmarks;

import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The heap probes' Partner Center in a JVM of its own, so that the probe's heap figures are the client's alone
 * (gateway, decoder, repository). Serves the probe's customer with {@code <page-size>} orders a response (0: all in
 * one response), writes its base URL and the customer's id to {@code <info.properties>}, and serves until killed.
 *
 * <p>Arguments: {@code <orders> <page-size> <info.properties>}.
 */
public final class ProbeSandbox {

    private ProbeSandbox() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ProbeSandbox <orders> <page-size> <info.properties>");
        }
        int orders = Integer.parseInt(args[0]);
        int pageSize = Integer.parseInt(args[1]);
        Path info = Path.of(args[2]);
        SandboxServer sandbox = Sandbox.start(OrderFixtures.settings(orders).withPageSize(pageSize));
        Properties properties = new Properties();
        properties.setProperty("base.url", sandbox.baseUrl().toString());
        properties.setProperty("customer", sandbox.customerIds().get(0));
        properties.setProperty("page.size", Integer.toString(pageSize));
        // Written whole, then moved into place: whoever waits for the file never reads half of it.
        Path partial = info.resolveSibling(info.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            properties.store(out, "pc-orders probe sandbox");
        }
        Files.move(partial, info, StandardCopyOption.ATOMIC_MOVE);
        // The script ends this JVM with SIGTERM; what was served goes to its log on the way out.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("served: " + sandbox.statistics())));
        Thread.currentThread().join();
    }
}
