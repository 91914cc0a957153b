package dev.pcorders.cli;

import dev.pcorders.adapter.http.auth.ClientCredentialsTokenProvider;
import dev.pcorders.adapter.http.auth.EntraTokenEndpoint;
import dev.pcorders.application.order.port.in.ReconcileOrdersCommand;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.in.SyncResult;
import dev.pcorders.application.subscription.port.in.SyncSubscriptionsCommand;
import dev.pcorders.application.subscription.port.in.SyncSubscriptionsResult;
import dev.pcorders.bootstrap.PcOrders;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.subscription.SubscriptionCriteria;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole job on a local Partner Center look-alike: start the sandbox, sync every customer's "
                + "orders and subscriptions into a database (--db, default ./" + DemoCommand.DEFAULT_DATABASE
                + "; PC_ORDERS_DB is not used), then reconcile against the sandbox's invoice reconciliation export and "
                + "against a partner ledger naming subscriptions, both with a few planted discrepancies; the second report "
                + "is also written as an HTML page beside the database.",
                "Needs no credentials and no network."})
final class DemoCommand implements Callable<Integer> {

    static final String DEFAULT_DATABASE = "pc-orders-demo.db";
    /** Small pages, so the demo's sync really follows links.next with continuation tokens. */
    private static final int PAGE_SIZE = 8;
    /** As PAGE_SIZE: the sandbox's three customers come in two pages, the second asked for with its token. */
    private static final int CUSTOMER_PAGE_SIZE = 2;
    private static final int PLANTED_PER_KIND = 1;

    @ParentCommand
    PcOrdersCommand root;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = root.out();
        // Only --db, never PC_ORDERS_DB: that names the user's real cache, and the demo must not fill it with sandbox orders.
        Path database = root.databaseFlag()
                .map(location -> location.file().orElseThrow(() -> new UsageException("the demo makes a SQLite file of its "
                        + "own beside its ledgers; give --db a file path, not a database URL")))
                .orElse(Path.of(DEFAULT_DATABASE));
        Path ledger = siblingOf(database, "-invoice-reconciliation.csv");
        Path partnerLedger = siblingOf(database, "-partner-ledger.csv");
        Path htmlReport = siblingOf(database, "-report.html");
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
                    .customerPageSize(CUSTOMER_PAGE_SIZE)
                    .build()) {
                out.println();
                out.println("2. Sync every customer's orders (prices and system purchases included) and subscriptions "
                        + "into " + database.toAbsolutePath() + ", as sync --all-customers --resources "
                        + "orders,subscriptions --include-price --include-system-purchases does:");
                if (!syncAllCustomers(pcOrders, out)) {
                    return ExitCodes.PARTNER_CENTER;
                }

                ReconciliationExport export = sandbox.data().writeReconciliationCsv(ledger,
                        ReconciliationPlan.of(PLANTED_PER_KIND, true));
                out.println();
                out.println("3. Reconcile against " + ledger.toAbsolutePath() + ": Partner Center's invoice "
                        + "reconciliation format, " + export.dataRows() + " rows, " + export.planted().size()
                        + " discrepancies planted on purpose.");
                ReconciliationReport report = pcOrders.reconcileOrders().reconcileOrders(ReconcileOrdersCommand.of(ledger));
                ReportOutput.reconciliation(report, OutputFormat.TABLE, out);

                ReconciliationExport partner = sandbox.data().writePartnerLedgerCsv(partnerLedger,
                        ReconciliationPlan.of(PLANTED_PER_KIND, true).withSubscriptionCases(true));
                out.println();
                out.println("4. Reconcile against " + partnerLedger.toAbsolutePath() + ": a partner ledger naming each "
                        + "line's subscription, " + partner.dataRows() + " rows, " + partner.planted().size()
                        + " order discrepancies and " + partner.plantedSubscriptions().size() + " subscription cases "
                        + "planted on purpose (a subscription not billed, a suspended one billed, one with more seats "
                        + "than billed).");
                ReconciliationReport partnerReport = pcOrders.reconcileOrders()
                        .reconcileOrders(ReconcileOrdersCommand.of(partnerLedger));
                ReportOutput.reconciliation(partnerReport, OutputFormat.TABLE, out);

                // Replaced on every run, as the ledgers are: it is the demo's own file, beside its database.
                HtmlReport.Run run = ReconcileCommand.htmlRun(partnerReport, database.toAbsolutePath().toString(), partnerLedger, Optional.empty(),
                        Optional.empty(), pcOrders.findCachedCustomers(), pcOrders.findCachedSubscriptions(),
                        pcOrders::ledgerFormatOf);
                ReportFile.text(htmlReport, true, page -> {
                    HtmlReport.write(partnerReport, run, page);
                    return ExitCodes.OK;
                });
                out.println();
                out.println("5. The same report as a page to open in a browser, filter, sort and print: "
                        + htmlReport.toAbsolutePath());
            }
        }
        out.println();
        out.println("Next, on the same database:");
        String db = "--db " + database;
        out.println("  java -jar cli/target/pc-orders.jar " + db + " orders list");
        out.println("  java -jar cli/target/pc-orders.jar " + db + " orders list --status cancelled --format json");
        out.println("  java -jar cli/target/pc-orders.jar " + db + " customers list");
        out.println("  java -jar cli/target/pc-orders.jar " + db + " subscriptions list");
        out.println("  java -jar cli/target/pc-orders.jar " + db + " changes");
        out.println("  java -jar cli/target/pc-orders.jar " + db + " reconcile --ledger " + ledger + " --format json");
        out.println("  java -jar cli/target/pc-orders.jar " + db + " reconcile --ledger " + partnerLedger);
        out.println("  java -jar cli/target/pc-orders.jar " + db + " reconcile --ledger " + ledger
                + " --format html --output report.html --force");
        out.println("  java -jar cli/target/pc-orders.jar sandbox      # then sync from it yourself");
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Lists the partner's customers, then syncs their orders and subscriptions, under one correlation id, and prints
     * the summaries as {@code sync --all-customers --resources orders,subscriptions} does. Orders with prices and
     * system purchases, so both ledgers, which bill them, reconcile to exactly what they planted.
     */
    private static boolean syncAllCustomers(PcOrders pcOrders, PrintWriter out) {
        CorrelationId correlation = CorrelationId.random();
        Optional<List<CustomerId>> listed = SyncCommand.listCustomers(pcOrders.syncCustomers(), pcOrders.findCachedCustomers(),
                correlation, out);
        if (listed.isEmpty()) {
            return false;
        }
        out.println();
        List<CustomerId> customers = listed.get();
        SyncResult orders = pcOrders.syncOrders().syncOrders(
                SyncOrdersCommand.of(customers).withPrices().withSystemPurchases().withCorrelationId(correlation));
        SyncCommand.printSummary(orders, out);
        out.println();
        SyncSubscriptionsResult subscriptions = pcOrders.syncSubscriptions()
                .syncSubscriptions(new SyncSubscriptionsCommand(customers, Optional.of(correlation)));
        SyncCommand.printSubscriptionSummary(subscriptions, out);
        return true;
    }

    /**
     * The demo syncs sandbox data into its database: into a real cache it would mix with real orders and
     * subscriptions, and its customer list would replace the partner's real one (every real customer marked removed).
     * A file that already holds any of them is taken only when each is of a customer the sandbox serves, as an earlier
     * demo left it.
     */
    private static void refuseNonDemoData(Path database, List<String> demoCustomers) {
        if (!Files.exists(database)) {
            return;
        }
        Set<CustomerId> demo = demoCustomers.stream().map(CustomerId::parse).collect(Collectors.toSet());
        try (PcOrders existing = PcOrders.builder().database(database).readOnly().build()) {
            existing.findCachedOrders().forEachCachedOrder(OrderCriteria.ALL,
                    cached -> refuseUnlessDemo(database, demo, cached.order().referenceCustomerId(), "orders"));
            existing.findCachedSubscriptions().forEachCachedSubscription(SubscriptionCriteria.ALL,
                    subscription -> refuseUnlessDemo(database, demo, subscription.customer(), "subscriptions"));
            existing.findCachedCustomers().findCachedCustomers(true).forEach(
                    cached -> refuseUnlessDemo(database, demo, cached.customer().id(), "a customer list"));
        }
    }

    private static void refuseUnlessDemo(Path database, Set<CustomerId> demo, CustomerId customer, String what) {
        if (!demo.contains(customer)) {
            throw new UsageException(database + " holds " + what + " that are not the demo's (customer " + customer
                    + "); the demo would mix sandbox data into it. Run it with --db naming a new file, or an earlier "
                    + "demo's");
        }
    }

    private static Path siblingOf(Path database, String suffix) {
        String name = database.getFileName().toString();
        String stem = name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
        return database.resolveSibling(stem + suffix);
    }
}
