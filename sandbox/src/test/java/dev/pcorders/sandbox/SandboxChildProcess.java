package dev.pcorders.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A sandbox in a JVM of its own, for tests that need to bound the server's memory apart from theirs.
 * Arguments: seed, orders per customer, line items per order. Prints {@code READY <base url> <customer id>
 * <max heap bytes>}; then answers each {@code stats} line on stdin with {@code STATS <orders requests>
 * <body bytes> <body chunks> <largest chunk>}; stops when stdin ends.
 */
final class SandboxChildProcess {

    private SandboxChildProcess() {
    }

    public static void main(String[] args) throws IOException {
        SandboxSettings settings = SandboxSettings.defaults().withSeed(Long.parseLong(args[0])).withCustomers(1)
                .withOrdersPerCustomer(Integer.parseInt(args[1])).withLineItemsPerOrder(Integer.parseInt(args[2]));
        try (SandboxServer sandbox = Sandbox.start(settings)) {
            System.out.println("READY " + sandbox.baseUrl() + " " + sandbox.customerIds().get(0) + " "
                    + Runtime.getRuntime().maxMemory());
            System.out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command = commands.readLine(); command != null; command = commands.readLine()) {
                if ("stats".equals(command.strip())) {
                    ServedStatistics served = sandbox.statistics();
                    System.out.println("STATS " + served.ordersRequests() + " " + served.bodyBytes() + " "
                            + served.bodyChunks() + " " + served.largestChunk());
                    System.out.flush();
                }
            }
        }
    }
}
