package dev.pcorders.cli;

import dev.pcorders.adapter.http.auth.ClientCredentialsTokenProvider;
import dev.pcorders.adapter.http.auth.EntraTokenEndpoint;
import dev.pcorders.application.order.port.in.ReconcileOrdersCommand;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.in.SyncResult;
import dev.pcorders.bootstrap.PcOrders;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.sandbox.ReconciliationExport;
import dev.pcorders.sandbox.ReconciliationPlan;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole job on a local Partner Center look-alike: start the sandbox, sync every customer "
                + "into a database (--db, default ./" + DemoCommand.DEFAULT_DATABASE + "; PC_ORDERS_DB is not used), then "
                + "reconcile against the "
                + "sandbox's invoice reconciliation export, which has a few planted discrepancies.",
                "Needs no credentials and no network."})
final class DemoCommand implements Callable<Integer> {

    static final String DEFAULT_DATABASE = "pc-orders-demo.db";
    /** Small pages, so the demo's sync really follows links.next with continuation tokens. */
    private static final int PAGE_SIZE = 8;
    private static final int PLANTED_PER_KIND = 1;

    @ParentCommand
    PcOrdersCommand root;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = root.out();
        // Only --db, never PC_ORDERS_DB: that names the user's real cache, and the demo must not fill it with sandbox orders.
        Path database = root.databaseFlag().orElse(Path.of(DEFAULT_DATABASE));
        Path ledger = siblingOf(database, "-invoice-reconciliation.csv");
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withPageSize(PAGE_SIZE))) {
            refuseNonDemoData(database, sandbox.customerIds());
            out.println("1. Sandbox: a local Partner Center at " + sandbox.baseUrl() + " serving "
                    + sandbox.customerIds().size() + " customers.");
            // The sandbox's own token endpoint, so the demo goes through the same client-credentials flow as production.
            EntraTokenEndpoint tokens = EntraTokenEndpoint.forTenant("demo.onmicrosoft.com").withAuthority(sandbox.baseUrl());
            try (PcOrders pcOrders = PcOrders.builder()
                    .baseUrl(sandbox.baseUrl())
                    .accessTokenProvider(new ClientCredentialsTokenProvider(tokens, "pc-orders-demo", "demo-only-secret"))
                    .database(database)
                    .build()) {
                List<CustomerId> customers = sandbox.customerIds().stream().map(CustomerId::parse).toList();
                SyncResult synced = pcOrders.syncOrders().syncOrders(
                        SyncOrdersCommand.of(customers).withPrices().withSystemPurchases());
                out.println();
                out.println("2. Sync into " + database.toAbsolutePath() + " (prices and system purchases included):");
                SyncCommand.printSummary(synced, out);

                ReconciliationExport export = sandbox.data().writeReconciliationCsv(ledger,
                        ReconciliationPlan.of(PLANTED_PER_KIND, true));
                out.println();
                out.println("3. Reconcile against " + ledger.toAbsolutePath() + ": Partner Center's invoice "
                        + "reconciliation format, " + export.dataRows() + " rows, " + export.planted().size()
                        + " discrepancies planted on purpose.");
                ReconciliationReport report = pcOrders.reconcileOrders().reconcileOrders(ReconcileOrdersCommand.of(ledger));
                ReportOutput.reconciliation(report, OutputFormat.TABLE, out);
            }
        }
        out.println();
        out.println("Next, on the same database:");
        String db = "--db " + database;
        out.println("  java -jar cli/target/pc-orders.jar " + db + " orders list");
        out.println("  java -jar cli/target/pc-orders.jar " + db + " orders list --status cancelled --format json");
        out.println("  java -jar cli/target/pc-orders.jar " + db + " changes");
        out.println("  java -jar cli/target/pc-orders.jar " + db + " reconcile --ledger " + ledger + " --format json");
        out.println("  java -jar cli/target/pc-orders.jar sandbox      # then sync from it yourself");
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The demo syncs sandbox orders into its database: into a real cache they would mix with real orders. A file that
     * already holds orders is taken only when each is of a customer the sandbox serves, as an earlier demo left it.
     */
    private static void refuseNonDemoData(Path database, List<String> demoCustomers) {
        if (!Files.exists(database)) {
            return;
        }
        Set<CustomerId> demo = demoCustomers.stream().map(CustomerId::parse).collect(Collectors.toSet());
        try (PcOrders existing = PcOrders.builder().database(database).readOnly().build()) {
            existing.findCachedOrders().forEachCachedOrder(OrderCriteria.ALL, cached -> {
                CustomerId customer = cached.order().referenceCustomerId();
                if (!demo.contains(customer)) {
                    throw new UsageException(database + " holds orders that are not the demo's (customer "
                            + customer + "); the demo would add sandbox orders to them. Run it with --db "
                            + "naming a new file, or an earlier demo's");
                }
            });
        }
    }

    private static Path siblingOf(Path database, String suffix) {
        String name = database.getFileName().toString();
        String stem = name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
        return database.resolveSibling(stem + suffix);
    }
}
