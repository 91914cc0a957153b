package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.application.customer.port.in.FindCachedCustomersUseCase;
import dev.pcorders.application.customer.port.in.ListCustomerChangesUseCase;
import dev.pcorders.application.customer.port.in.SyncCustomersUseCase;
import dev.pcorders.application.order.port.in.FindCachedOrderByIdUseCase;
import dev.pcorders.application.order.port.in.FindCachedOrdersUseCase;
import dev.pcorders.application.order.port.in.ListOrderChangesUseCase;
import dev.pcorders.application.order.port.in.ReconcileOrdersUseCase;
import dev.pcorders.application.order.port.in.SyncOrdersUseCase;
import dev.pcorders.application.shared.port.in.SyncJobsUseCase;
import dev.pcorders.application.subscription.port.in.FindCachedSubscriptionsUseCase;
import dev.pcorders.application.subscription.port.in.ListSubscriptionChangesUseCase;
import dev.pcorders.application.subscription.port.in.SyncSubscriptionsUseCase;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code orders list} in table form holds no more than a first batch of orders, and any escaped error exits 70. */
class OrdersListStreamingTest {

    /** Far more than the first batch, and more than the whole listing would fit in {@link #SMALL_HEAP} if held. */
    private static final int CUSTOMERS = 2;
    private static final int ORDERS_PER_CUSTOMER = 7_000;
    private static final String SMALL_HEAP = "-Xmx32m";

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aTableOfManyOrdersIsPrintedInASmallHeapWithExactTotals() throws Exception {
        Path db = folder.resolve("large.db");
        long stored;
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(CUSTOMERS)
                .withOrdersPerCustomer(ORDERS_PER_CUSTOMER).withPageSize(1000))) {
            List<String> args = new ArrayList<>(List.of("--db", db.toString(), "sync", "--quiet", "--include-price",
                    "--base-url", sandbox.baseUrl().toString()));
            sandbox.customerIds().forEach(id -> args.addAll(List.of("--customer", id)));
            Cli.Run sync = Cli.run(Map.of("PC_ORDERS_ACCESS_TOKEN", "streaming-test"), args.toArray(String[]::new));
            assertThat(sync.exitCode()).as(sync.toString()).isZero();
            // The summary's ORDERS column: the sandbox serves a few orders less than it generates (system purchases).
            stored = sync.out().lines().filter(line -> line.contains(" stored "))
                    .mapToLong(line -> Long.parseLong(line.split("\\s+")[3])).sum();
        }
        assertThat(stored).isGreaterThan(10L * OrderOutput.TABLE_FIRST_BATCH);

        CliProcess.Ended table = CliProcess.run(folder, List.of(), List.of(SMALL_HEAP, "-XX:+UseSerialGC"),
                "--db", db.toString(), "orders", "list");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.err()).isEmpty();
        List<String> lines = java.nio.file.Files.readAllLines(table.out());
        assertThat(lines.get(0)).startsWith("CUSTOMER").contains("CREATED (UTC)");
        long rows = lines.stream().filter(line -> line.matches("[0-9a-f]{8}-.*")).count();
        assertThat(rows).isEqualTo(stored);
        // The totals, exact to the cent, equal the sum of the TOTAL column as printed.
        Map<String, java.math.BigDecimal> summed = new java.util.TreeMap<>();
        for (String line : lines) {
            if (line.matches("[0-9a-f]{8}-.*\\d [A-Z]{3}")) {
                String[] cells = line.split("\\s+");
                summed.merge(cells[cells.length - 1], new java.math.BigDecimal(cells[cells.length - 2]),
                        java.math.BigDecimal::add);
            }
        }
        assertThat(summed).isNotEmpty();
        List<String> expectedTotals = summed.entrySet().stream()
                .map(total -> "Total " + total.getValue().toPlainString() + " " + total.getKey()).toList();
        assertThat(lines.stream().filter(line -> line.startsWith("Total ")).toList()).isEqualTo(expectedTotals);
    }

    @Test
    void anOutOfMemoryErrorExits70WithOneLineNot1() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = PcOrdersCli.run(new String[] {"--db", folder.resolve("any.db").toString(), "orders", "list"},
                new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                (database, environment) -> new FailingServices(new OutOfMemoryError("Java heap space")));

        assertThat(exitCode).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err.toString()).isEqualTo("pc-orders: unexpected OutOfMemoryError: Java heap space"
                + " (run again with --verbose for details)" + System.lineSeparator());
    }

    @Test
    void anyOtherErrorExits70Too() {
        StringWriter err = new StringWriter();
        int exitCode = PcOrdersCli.run(new String[] {"orders", "list"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), Map.of(), (database, environment) -> new FailingServices(new StackOverflowError()));

        assertThat(exitCode).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err.toString()).startsWith("pc-orders: unexpected StackOverflowError");
    }

    @Test
    void theTablePrintsRowsBeforeTheLastOrderIsRead() {
        StringWriter printed = new StringWriter();
        PrintWriter out = new PrintWriter(printed, true);
        TextTable table = new TextTable(List.of("A", "B"), false, true).streaming(out, 2);
        table.add(List.of("x", "1"));
        assertThat(printed.toString()).isEmpty();
        table.add(List.of("yy", "22"));
        table.add(List.of("zzz", "333"));
        assertThat(printed.toString()).isEqualTo(String.join(System.lineSeparator(),
                "A    B", "--  --", "x    1", "yy  22", "zzz  333", ""));
        table.finish();
    }

    /** Services whose every read throws the given error, as a cache read running out of heap would. */
    private record FailingServices(Error error) implements CliServices {
        @Override
        public FindCachedOrdersUseCase findCachedOrders() {
            throw error;
        }

        @Override
        public FindCachedOrderByIdUseCase findCachedOrderById() {
            throw error;
        }

        @Override
        public ListOrderChangesUseCase listOrderChanges() {
            throw error;
        }

        @Override
        public ReconcileOrdersUseCase reconcileOrders() {
            throw error;
        }

        @Override
        public Optional<String> ledgerFormatOf(Path ledger) {
            throw error;
        }

        @Override
        public SyncSubscriptionsUseCase syncSubscriptions(PartnerCenterOptions options) {
            throw error;
        }

        @Override
        public FindCachedSubscriptionsUseCase findCachedSubscriptions() {
            throw error;
        }

        @Override
        public ListSubscriptionChangesUseCase listSubscriptionChanges() {
            throw error;
        }

        @Override
        public SyncOrdersUseCase syncOrders(PartnerCenterOptions options) {
            throw error;
        }

        @Override
        public SyncCustomersUseCase syncCustomers(PartnerCenterOptions options) {
            throw error;
        }

        @Override
        public FindCachedCustomersUseCase findCachedCustomers() {
            throw error;
        }

        @Override
        public ListCustomerChangesUseCase listCustomerChanges() {
            throw error;
        }

        @Override
        public SyncJobsUseCase syncJobs(PartnerCenterOptions options) {
            throw error;
        }

        @Override
        public long throttledRequests() {
            throw error;
        }

        @Override
        public long requestsSent() {
            throw error;
        }

        @Override
        public void close() {
        }
    }
}
