package dev.pcorders.cli;

import dev.pcorders.application.customer.port.in.CustomerListSyncResult;
import dev.pcorders.application.customer.port.in.FindCachedCustomersUseCase;
import dev.pcorders.application.customer.port.in.SyncCustomersUseCase;
import dev.pcorders.application.order.port.in.CustomerSyncResult;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.in.SyncOrdersUseCase;
import dev.pcorders.application.order.port.in.SyncResult;
import dev.pcorders.application.shared.port.in.SyncFailure;
import dev.pcorders.application.shared.port.in.SyncJobsUseCase;
import dev.pcorders.application.shared.port.in.SyncProgress;
import dev.pcorders.application.subscription.port.in.SubscriptionSyncResult;
import dev.pcorders.application.subscription.port.in.SyncSubscriptionsCommand;
import dev.pcorders.application.subscription.port.in.SyncSubscriptionsResult;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.CustomerScope;
import dev.pcorders.domain.shared.ResellerId;
import dev.pcorders.domain.shared.SyncJob;
import dev.pcorders.domain.shared.WorkerShare;
import dev.pcorders.domain.subscription.SubscriptionScope;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Fetch customers' orders (and/or subscriptions) from Partner Center and store each as one snapshot "
                + "in the cache. With --all-customers, the partner's customer list is fetched and stored first.",
                "Credentials come from the environment: PC_ORDERS_ACCESS_TOKEN; or PC_ORDERS_TENANT_ID, "
                        + "PC_ORDERS_CLIENT_ID and PC_ORDERS_CLIENT_SECRET; or PC_ORDERS_REFRESH_TOKEN with the tenant id, client id and secret.",
                "Exit code 3 when Partner Center failed for a customer (or for the customer list, when nothing else "
                        + "is synced); the others are still stored."})
final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    PcOrdersCommand root;

    static final class Customers {
        @Option(names = "--customer", paramLabel = "GUID", required = true, description = "A customer's tenant id (repeatable).")
        List<String> ids = new ArrayList<>();

        @Option(names = "--customers-file", paramLabel = "FILE", required = true,
                description = "A file with one customer GUID per line (blank lines and # comments ignored).")
        Path file;

        @Option(names = "--all-customers", required = true,
                description = "Every customer of the partner: lists them from Partner Center (stored, see customers list), "
                        + "then syncs each.")
        boolean all;

        @Option(names = "--resume", required = true,
                description = "Continue the last sync where it stopped (killed, or customers failed): only what it did "
                        + "not finish, with its flags.")
        boolean resume;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Customers customers;

    @Option(names = "--reseller", paramLabel = "GUID", description = "Only orders placed through this indirect reseller.")
    String reseller;

    @Option(names = "--billing-type", paramLabel = "CYCLE", description = "Only orders of this billing cycle (monthly, annual, one_time, ...).")
    String billingType;

    @Option(names = "--include-price", description = "Fetch prices (pricing and totalPrice).")
    boolean includePrice;

    @Option(names = "--include-system-purchases", description = "Include orders Partner Center created itself.")
    boolean includeSystemPurchases;

    @Option(names = "--resources", paramLabel = "LIST", split = ",",
            description = "Which resources to sync for each customer: orders, subscriptions, or both (default: orders).")
    List<String> resources;

    @Option(names = "--worker", paramLabel = "I/N",
            description = "Sync only this worker's share of the customers, when N processes or machines split them "
                    + "(for example 2/3); each customer falls to the same one worker every time. Meant for a shared "
                    + "PostgreSQL cache (default: all customers).")
    String worker;

    @Option(names = "--correlation-id", paramLabel = "ID", description = "MS-CorrelationId for every request (a GUID; default: a new one).")
    String correlationId;

    @Mixin
    PartnerCenterOptions partnerCenter;

    @Override
    public Integer call() throws IOException {
        if (customers.resume) {
            return resume();
        }
        boolean orders = false;
        boolean subscriptions = false;
        for (String resource : resources == null ? List.of("orders") : resources) {
            switch (resource.strip().toLowerCase(Locale.ROOT)) {
                case "orders" -> orders = true;
                case "subscriptions" -> subscriptions = true;
                default -> throw new UsageException("--resources takes orders and/or subscriptions, got "
                        + dev.pcorders.domain.shared.InputQuote.quote(resource));
            }
        }
        if (!orders && (reseller != null || billingType != null || includePrice || includeSystemPurchases)) {
            throw new UsageException("--reseller, --billing-type, --include-price and --include-system-purchases filter "
                    + "orders; add orders to --resources");
        }
        if (!customers.all && partnerCenter.customerPageSize().isPresent()) {
            throw new UsageException("--customer-page-size sizes the pages of the customer list; it needs --all-customers");
        }
        WorkerShare share;
        try {
            share = worker == null ? WorkerShare.ALL : WorkerShare.parse(worker);
        } catch (IllegalArgumentException bad) {
            throw new UsageException("--worker: " + bad.getMessage());
        }
        CorrelationId correlation = correlationId == null ? CorrelationId.random() : CorrelationId.parse(correlationId);
        long started = System.nanoTime();
        List<CustomerId> customerIds;
        if (customers.all) {
            Optional<List<CustomerId>> listed = syncCustomerList(correlation);
            if (listed.isEmpty()) {
                return ExitCodes.PARTNER_CENTER;
            }
            customerIds = listed.get();
            if (customerIds.isEmpty()) {
                root.out().println("The partner has no customers; nothing else to sync.");
                root.out().flush();
                return ExitCodes.OK;
            }
            root.out().println();
        } else {
            customerIds = customerIds();
        }
        if (!share.equals(WorkerShare.ALL)) {
            List<CustomerId> mine = share.of(customerIds);
            root.out().println("Worker " + share + ": " + mine.size() + " of " + customerIds.size() + " customer(s).");
            root.out().flush();
            if (mine.isEmpty()) {
                return ExitCodes.OK;
            }
            customerIds = mine;
        }
        Optional<SyncOrdersCommand> orderSync = orders ? Optional.of(orderCommand(customerIds, correlation)) : Optional.empty();
        Optional<SyncSubscriptionsCommand> subscriptionSync = subscriptions
                ? Optional.of(new SyncSubscriptionsCommand(customerIds, Optional.of(correlation))) : Optional.empty();
        return syncAsOneJob(orderSync, subscriptionSync, correlation, started);
    }

    /**
     * Records the job (what it plans), syncs it and records that it ran to its end: a job killed before that, or with
     * customers that failed, can be resumed.
     */
    private int syncAsOneJob(Optional<SyncOrdersCommand> orderSync, Optional<SyncSubscriptionsCommand> subscriptionSync,
                             CorrelationId correlation, long started) {
        List<CustomerScope> planned = new ArrayList<>();
        orderSync.ifPresent(command -> planned.addAll(command.scopes()));
        subscriptionSync.ifPresent(command -> planned.addAll(command.scopes()));
        SyncJobsUseCase jobs = root.services().syncJobs(partnerCenter);
        long job = jobs.startJob(planned, correlation);
        boolean allSucceeded = true;
        if (orderSync.isPresent()) {
            allSucceeded = syncOrders(orderSync.get());
        }
        if (subscriptionSync.isPresent()) {
            if (orderSync.isPresent()) {
                root.out().println();
            }
            SyncSubscriptionsResult result;
            try (ProgressBar progress = progressBar(subscriptionSync.get().customers().size())) {
                result = root.services().syncSubscriptions(partnerCenter)
                        .syncSubscriptions(subscriptionSync.get(), progressOf(progress, "subscriptions"));
            }
            printSubscriptionSummary(result, root.out());
            allSucceeded &= result.allSucceeded();
        }
        jobs.finishJob(job);
        root.out().printf(Locale.ROOT, "Done in %.1f s: %d request(s), at most %d customer(s) at once and %d requests "
                        + "a minute; %d request(s) throttled (429).%n", (System.nanoTime() - started) / 1e9,
                root.services().requestsSent(), partnerCenter.maxConcurrency, partnerCenter.rateLimit,
                root.services().throttledRequests());
        root.out().flush();
        return allSucceeded ? ExitCodes.OK : ExitCodes.PARTNER_CENTER;
    }

    /**
     * Lists the partner's customers into the cache and returns the ones now listed; empty when Partner Center failed,
     * which leaves the previous list whole and syncs nothing else: without the list there is no one to sync.
     */
    private Optional<List<CustomerId>> syncCustomerList(CorrelationId correlation) {
        return listCustomers(root.services().syncCustomers(partnerCenter), root.services().findCachedCustomers(),
                correlation, root.out());
    }

    /**
     * Lists the partner's customers into the cache, says how it went, and returns the customers now listed (by name);
     * empty when Partner Center failed.
     */
    static Optional<List<CustomerId>> listCustomers(SyncCustomersUseCase sync, FindCachedCustomersUseCase cached,
                                                    CorrelationId correlation, PrintWriter out) {
        if (!printCustomerList(sync.syncCustomers(correlation), correlation, out)) {
            return Optional.empty();
        }
        return Optional.of(cached.findCachedCustomers(false).stream().map(customer -> customer.customer().id()).toList());
    }

    /** Says how listing the customers went; true when the list is stored and the customers can be synced. */
    private static boolean printCustomerList(CustomerListSyncResult result, CorrelationId correlation, PrintWriter out) {
        if (result instanceof CustomerListSyncResult.Failed failed) {
            SyncFailure failure = failed.failure();
            out.println("The customer list FAILED (" + failure.kind() + "): " + failure.message()
                    + failure.requestId().map(id -> " [MS-RequestId " + id + "]").orElse(""));
            out.println("The previously cached list is unchanged; no customer was synced.");
            out.println("MS-CorrelationId " + correlation);
            out.flush();
            return false;
        }
        CustomerListSyncResult.Succeeded listed = (CustomerListSyncResult.Succeeded) result;
        out.println("Customer list: " + listed.customers() + " customer(s) in " + listed.pages() + " page(s), "
                + listed.added() + " added, " + listed.changed() + " changed, " + listed.removed()
                + " no longer listed (stored; see customers list).");
        out.flush();
        return true;
    }

    /**
     * Syncs what the last job did not finish, with the flags its scopes were planned with, as a job of its own (so that
     * it too can be resumed) under the first job's correlation id.
     */
    private int resume() {
        if (resources != null || reseller != null || billingType != null || includePrice || includeSystemPurchases
                || correlationId != null || partnerCenter.customerPageSize().isPresent() || worker != null) {
            throw new UsageException("--resume syncs with the flags of the sync it continues; give it no --resources, "
                    + "--reseller, --billing-type, --include-price, --include-system-purchases, --correlation-id, "
                    + "--customer-page-size or --worker");
        }
        long started = System.nanoTime();
        Optional<SyncJob> last = root.services().syncJobs(partnerCenter).latestJob();
        PrintWriter out = root.out();
        if (last.isEmpty()) {
            out.println("No sync was recorded in this cache; nothing to resume.");
            out.flush();
            return ExitCodes.OK;
        }
        SyncJob job = last.get();
        if (job.isComplete()) {
            out.println("The last sync (started " + job.startedAt() + ", MS-CorrelationId " + job.correlationId()
                    + ") finished all " + job.planned() + " of its customers' resources; nothing to resume.");
            out.flush();
            return ExitCodes.OK;
        }
        out.println("Resuming the sync started " + job.startedAt() + " (MS-CorrelationId " + job.correlationId() + "): "
                + job.unfinished().size() + " of its " + job.planned() + " customers' resources not finished"
                + (job.finishedAt().isEmpty() ? " (it was stopped before its end)." : "."));
        out.println();
        Map<String, List<CustomerId>> ordersByKey = new LinkedHashMap<>();
        List<CustomerId> subscriptionCustomers = new ArrayList<>();
        for (SyncJob.PlannedScope scope : job.unfinished()) {
            if (scope.kind().equals(OrderScope.KIND)) {
                ordersByKey.computeIfAbsent(scope.key(), key -> new ArrayList<>()).add(scope.customer());
            } else if (scope.kind().equals(SubscriptionScope.KIND)) {
                subscriptionCustomers.add(scope.customer());
            } else {
                throw new UsageException("the last sync planned a resource this build does not sync: " + scope.kind());
            }
        }
        if (ordersByKey.size() > 1) {
            throw new UsageException("the last sync planned orders with " + ordersByKey.size() + " sets of flags; "
                    + "this build resumes one at a time");
        }
        Optional<SyncOrdersCommand> orderSync = ordersByKey.entrySet().stream().findFirst()
                .map(entry -> commandLike(OrderScope.fromKey(entry.getValue().get(0), entry.getKey()), entry.getValue(),
                        job.correlationId()));
        Optional<SyncSubscriptionsCommand> subscriptionSync = subscriptionCustomers.isEmpty() ? Optional.empty()
                : Optional.of(new SyncSubscriptionsCommand(subscriptionCustomers, Optional.of(job.correlationId())));
        return syncAsOneJob(orderSync, subscriptionSync, job.correlationId(), started);
    }

    /** The order sync of {@code customers} with the flags {@code scope} was fetched with. */
    private static SyncOrdersCommand commandLike(OrderScope scope, List<CustomerId> customers, CorrelationId correlation) {
        SyncOrdersCommand command = SyncOrdersCommand.of(customers).withCorrelationId(correlation);
        if (scope.reseller().isPresent()) {
            command = command.withReseller(scope.reseller().get());
        }
        if (scope.billingType().isPresent()) {
            command = command.withBillingType(scope.billingType().get());
        }
        if (scope.includePrice()) {
            command = command.withPrices();
        }
        if (scope.includeSystemPurchases()) {
            command = command.withSystemPurchases();
        }
        return command;
    }

    private SyncOrdersCommand orderCommand(List<CustomerId> customerIds, CorrelationId correlation) {
        SyncOrdersCommand command = SyncOrdersCommand.of(customerIds);
        if (reseller != null) {
            command = command.withReseller(ResellerId.parse(reseller));
        }
        if (billingType != null) {
            command = command.withBillingType(knownBillingCycle(billingType));
        }
        if (includePrice) {
            command = command.withPrices();
        }
        if (includeSystemPurchases) {
            command = command.withSystemPurchases();
        }
        return command.withCorrelationId(correlation);
    }

    private boolean syncOrders(SyncOrdersCommand command) {
        SyncOrdersUseCase sync = root.services().syncOrders(partnerCenter);
        SyncResult result;
        try (ProgressBar progress = progressBar(command.customers().size())) {
            result = sync.syncOrders(command, progressOf(progress, "orders"));
        }
        printSummary(result, root.out());
        return result.allSucceeded();
    }

    static void printSubscriptionSummary(SyncSubscriptionsResult result, PrintWriter out) {
        TextTable table = new TextTable(List.of("CUSTOMER", "SUBSCRIPTIONS", "RESULT", "COUNT", "ADDED", "CHANGED", "REMOVED"),
                false, false, false, true, true, true, true);
        for (SubscriptionSyncResult customer : result.customers()) {
            if (customer instanceof SubscriptionSyncResult.Succeeded ok) {
                table.add(List.of(ok.customer().toString(), "subscriptions", "stored", Long.toString(ok.subscriptions()),
                        Long.toString(ok.added()), Long.toString(ok.changed()), Long.toString(ok.removed())));
            } else {
                SyncFailure failure = ((SubscriptionSyncResult.Failed) customer).failure();
                table.add(List.of(customer.customer().toString(), "subscriptions", "FAILED: " + failure.kind(), "", "", "", ""));
            }
        }
        table.print(out);
        out.println();
        out.println("MS-CorrelationId " + result.correlationId());
        if (!result.allSucceeded()) {
            out.println(result.failures().size() + " customer(s) failed; their previous subscription snapshots are unchanged:");
            result.failures().forEach(failed -> out.println("  " + failed.customer() + ": " + failed.failure().message()
                    + failed.failure().requestId().map(id -> " [MS-RequestId " + id + "]").orElse("")));
        }
        out.flush();
    }

    private SyncProgress progressOf(ProgressBar bar, String itemsName) {
        return bar == null ? SyncProgress.NONE : new ProgressOfCustomers(bar, itemsName, root.services()::requestsSent);
    }

    private ProgressBar progressBar(int customerCount) {
        if (root.quiet() || !Terminals.stderrIsATerminal()) {
            return null;
        }
        return progressBar(customerCount, new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err));
    }

    static ProgressBar progressBar(int customerCount, me.tongfei.progressbar.ProgressBarConsumer consumer) {
        return new ProgressBarBuilder().setTaskName("Syncing").setInitialMax(customerCount).setUnit(" customers", 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(consumer).build();
    }

    static void printSummary(SyncResult result, PrintWriter out) {
        TextTable table = new TextTable(List.of("CUSTOMER", "RESULT", "PAGES", "ORDERS", "ADDED", "CHANGED", "REMOVED"),
                false, false, true, true, true, true, true);
        List<String> failures = new ArrayList<>();
        for (CustomerSyncResult customer : result.customers()) {
            if (customer instanceof CustomerSyncResult.Succeeded) {
                CustomerSyncResult.Succeeded ok = (CustomerSyncResult.Succeeded) customer;
                table.add(List.of(ok.customer().toString(), "stored", Long.toString(ok.pages()), Long.toString(ok.orders()),
                        Long.toString(ok.added()), Long.toString(ok.changed()), Long.toString(ok.removed())));
            } else {
                SyncFailure failure = ((CustomerSyncResult.Failed) customer).failure();
                table.add(List.of(customer.customer().toString(), "FAILED: " + failure.kind(), "", "", "", "", ""));
                failures.add(customer.customer() + ": " + failure.message()
                        + failure.requestId().map(id -> " [MS-RequestId " + id + "]").orElse(""));
            }
        }
        table.print(out);
        out.println();
        result.customers().stream().findFirst().ifPresent(first -> out.println("Synced with: " + flagsOf(first.scope())));
        printNarrowerThanBefore(result, out);
        out.println("MS-CorrelationId " + result.correlationId());
        if (!failures.isEmpty()) {
            out.println(failures.size() + " customer(s) failed; their previous snapshots are unchanged:");
            failures.forEach(line -> out.println("  " + line));
        }
        out.flush();
    }

    /** The sync flags that shaped a scope, as the user would type them. */
    static String flagsOf(OrderScope scope) {
        List<String> flags = new ArrayList<>();
        scope.reseller().ifPresent(reseller -> flags.add("--reseller " + reseller));
        scope.billingType().ifPresent(cycle -> flags.add("--billing-type " + cycle.wireName()));
        if (scope.includePrice()) {
            flags.add("--include-price");
        }
        if (scope.includeSystemPurchases()) {
            flags.add("--include-system-purchases");
        }
        return flags.isEmpty() ? "no filter, no --include-price, no --include-system-purchases" : String.join(" ", flags);
    }

    /** Customers whose previous sync fetched more than this one: what the cache keeps from it instead of refreshing. */
    private static void printNarrowerThanBefore(SyncResult result, PrintWriter out) {
        Map<OrderScope.Narrowing, List<CustomerId>> narrower = new EnumMap<>(OrderScope.Narrowing.class);
        for (CustomerSyncResult customer : result.customers()) {
            if (customer instanceof CustomerSyncResult.Succeeded ok) {
                ok.narrowing().forEach(kind -> narrower.computeIfAbsent(kind, k -> new ArrayList<>()).add(ok.customer()));
            }
        }
        narrower.forEach((kind, customers) -> out.println("warning: narrower than the last sync of " + customers.size()
                + " customer(s) (" + customers.get(0) + (customers.size() > 1 ? ", ..." : "") + "): " + consequence(kind)));
    }

    private static String consequence(OrderScope.Narrowing kind) {
        // A switch expression, so a new kind without a text does not compile.
        return switch (kind) {
            case PRICES -> "no --include-price this time; the prices the cache holds were kept, not refreshed "
                    + "(orders list shows when they were fetched: pricesAsOf)";
            case SYSTEM_PURCHASES -> "no --include-system-purchases this time; the system purchases the cache holds were kept, "
                    + "not refreshed";
            case RESELLER_FILTER -> "--reseller this time; orders other than that reseller's were kept, not refreshed";
            case BILLING_TYPE_FILTER -> "--billing-type this time; orders of other billing cycles were kept, not refreshed";
        };
    }

    private List<CustomerId> customerIds() throws IOException {
        Set<CustomerId> ids = new LinkedHashSet<>();
        if (customers.file != null) {
            List<String> lines = customerLines(customers.file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                try {
                    ids.add(CustomerId.parse(line));
                } catch (IllegalArgumentException bad) {
                    throw new UsageException(customers.file + ", line " + (i + 1) + ": " + bad.getMessage());
                }
            }
            if (ids.isEmpty()) {
                throw new UsageException(customers.file + " holds no customer id");
            }
        } else {
            customers.ids.forEach(id -> ids.add(CustomerId.parse(id)));
        }
        return List.copyOf(ids);
    }

    /** UTF-8, with or without the byte order mark Notepad and Excel write; anything else gets a hint, not a GUID error. */
    private static List<String> customerLines(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            throw new UsageException(file + " is not UTF-8 text (UTF-16, or another encoding); save it as UTF-8");
        } catch (IOException unreadable) {
            throw new UsageException("cannot read --customers-file " + file + ": " + unreadable.getMessage());
        }
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            boolean startsALine = nul == 0 || "\r\n".indexOf(text.charAt(nul - 1)) >= 0;
            long line = text.substring(0, nul).lines().count() + (startsALine ? 1 : 0);
            throw new UsageException(file + ", line " + line + ": a NUL character, as UTF-16 text has; save it as UTF-8");
        }
        return (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().toList();
    }

    private static BillingCycle knownBillingCycle(String text) {
        BillingCycle cycle = BillingCycle.parse(text).known();
        if (cycle.isUnknown()) {
            throw new UsageException("--billing-type must be one of monthly, annual, none, one_time, triennial, biennial; got '"
                    + text + "'");
        }
        return cycle;
    }
}
