package dev.pcorders.cli;

import dev.pcorders.application.customer.port.in.FindCachedCustomersUseCase;
import dev.pcorders.application.order.port.out.LedgerReadException;
import dev.pcorders.application.order.port.in.ReconcileOrdersCommand;
import dev.pcorders.application.subscription.port.in.FindCachedSubscriptionsUseCase;
import dev.pcorders.domain.reconciliation.Discrepancy;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.reconciliation.SubscriptionCheck;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.subscription.SubscriptionCriteria;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"Compare the cached orders with a ledger file, offline.",
                "The ledger is Partner Center's invoice reconciliation export or a partner ledger CSV "
                        + "(customer_id, order_id, offer_id, quantity[, unit_price, currency, subscription_id]).",
                "Exit code 1 when discrepancies are found."})
final class ReconcileCommand implements Callable<Integer> {

    @ParentCommand
    PcOrdersCommand root;

    @Option(names = "--ledger", paramLabel = "FILE", required = true, description = "The ledger CSV file.")
    Path ledger;

    @Option(names = "--customer", paramLabel = "GUID", description = "Only this customer (repeatable); default: every customer in the ledger.")
    List<String> customers = new ArrayList<>();

    @Option(names = "--price-tolerance", paramLabel = "AMOUNT", defaultValue = "0.01",
            description = "Largest unit price difference that still agrees (default: ${DEFAULT-VALUE}).")
    String priceTolerance;

    @Option(names = "--lenient", description = "Skip rows with bad values and list them, instead of stopping at the first.")
    boolean lenient;

    @Option(names = "--from", paramLabel = "DATE",
            description = "Only orders created on or after this day (UTC); ledger rows of older orders are counted, not compared.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE",
            description = "Only orders created on or before this day (UTC); ledger rows of newer orders are counted, not compared.")
    LocalDate to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FormatConverter.class,
            description = "table, json, csv, html (a page to read, filter and print) or xlsx (with --output; default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Mixin
    OutputFileOptions output;

    @Override
    public Integer call() throws IOException {
        output.check("reconcile", format, OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.CSV,
                OutputFormat.HTML, OutputFormat.XLSX);
        Amount tolerance;
        try {
            tolerance = Amount.parse(priceTolerance);
        } catch (NumberFormatException bad) {
            throw new UsageException("--price-tolerance must be a decimal number such as 0.01, got '" + priceTolerance + "'");
        }
        List<CustomerId> selected = customers.stream().map(CustomerId::parse).toList();
        ReconciliationReport report = root.services().reconcileOrders().reconcileOrders(
                new ReconcileOrdersCommand(ledger, selected, tolerance, lenient,
                        Optional.ofNullable(from).map(day -> day.atStartOfDay().toInstant(ZoneOffset.UTC)),
                        Optional.ofNullable(to).map(day -> day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))));
        if (report.coverage().ledgerRowsRead() == 0) {
            // Most likely an export cut short or the wrong file; the report alone would only say nothing was billed.
            root.err().println("pc-orders: warning: ledger " + ledger + " has a header and no data rows; nothing in it was compared");
            root.err().flush();
        }
        if (format == OutputFormat.CSV) {
            // CSV has no place for a remark; table and JSON carry it in the report, the workbook on a sheet of its own.
            for (Note note : notes(report)) {
                root.err().println("pc-orders: note: " + note.text());
            }
            root.err().flush();
        }
        int exitCode = report.isClean() ? ExitCodes.OK : ExitCodes.DISCREPANCIES;
        if (format == OutputFormat.XLSX) {
            return output.write(root, stream -> {
                XlsxOutput.reconciliation(report, notes(report), stream);
                return exitCode;
            });
        }
        if (format == OutputFormat.HTML) {
            HtmlReport.Run run = htmlRun(report);
            return output.print(root, out -> {
                HtmlReport.write(report, run, out);
                return exitCode;
            });
        }
        return output.print(root, out -> {
            ReportOutput.reconciliation(report, format, out);
            return exitCode;
        });
    }

    /** A remark on what the report could not say, and the customers it is about. */
    record Note(String text, List<CustomerId> customers) {
    }

    /**
     * What the table and JSON say beside the discrepancies, for the formats without a place for it: customers whose
     * unmatched rows may be system purchases never synced, and customers whose subscriptions were not checked.
     */
    static List<Note> notes(ReconciliationReport report) {
        List<Note> notes = new ArrayList<>();
        if (!report.systemPurchasesNeverSynced().isEmpty()) {
            notes.add(new Note(report.systemPurchasesNeverSynced().size()
                    + " customer(s) with MISSING_IN_PARTNER_CENTER rows were never synced with --include-system-purchases: "
                    + ReportOutput.SYSTEM_PURCHASES_HINT, report.systemPurchasesNeverSynced()));
        }
        SubscriptionCheck check = report.subscriptions();
        if (check.leftSomeOut()) {
            if (!check.withoutCachedSubscriptions().isEmpty()) {
                notes.add(new Note(check.withoutCachedSubscriptions().size()
                        + " customer(s) have no cached subscriptions: " + ReportOutput.SUBSCRIPTIONS_NOT_CACHED_HINT,
                        check.withoutCachedSubscriptions()));
            }
            if (!check.withoutSubscriptionsInLedger().isEmpty()) {
                notes.add(new Note("no ledger row of " + check.withoutSubscriptionsInLedger().size()
                        + " customer(s) with cached subscriptions names a subscription: "
                        + ReportOutput.NO_SUBSCRIPTIONS_IN_LEDGER_HINT, check.withoutSubscriptionsInLedger()));
            }
        }
        return notes;
    }

    private HtmlReport.Run htmlRun(ReconciliationReport report) {
        return htmlRun(report, root.database().displayName(), ledger, Optional.ofNullable(from), Optional.ofNullable(to),
                root.services().findCachedCustomers(), root.services().findCachedSubscriptions(), root.services()::ledgerFormatOf);
    }

    /**
     * The run as the page's header shows it, with the names people know the report's customers and offers by where
     * the cache has them (the ids stay beside them). Only the customers the report names are looked up.
     */
    static HtmlReport.Run htmlRun(ReconciliationReport report, String cache, Path ledger, Optional<LocalDate> from,
                                  Optional<LocalDate> to, FindCachedCustomersUseCase cachedCustomers,
                                  FindCachedSubscriptionsUseCase cachedSubscriptions,
                                  Function<Path, Optional<String>> ledgerFormats) {
        Set<CustomerId> inReport = report.discrepancies().stream().map(Discrepancy::customer).collect(Collectors.toSet());
        Map<CustomerId, String> customerNames = new HashMap<>();
        Map<String, String> offerNames = new HashMap<>();
        if (!inReport.isEmpty()) {
            cachedCustomers.findCachedCustomers(true).forEach(cached -> {
                if (inReport.contains(cached.customer().id())) {
                    customerNames.put(cached.customer().id(), cached.customer().displayName());
                }
            });
            cachedSubscriptions.forEachCachedSubscription(SubscriptionCriteria.ALL, subscription -> {
                if (inReport.contains(subscription.customer())) {
                    subscription.offerName().ifPresent(name ->
                            offerNames.putIfAbsent(HtmlReport.Run.offerKey(subscription.offerId()), name));
                }
            });
        }
        return new HtmlReport.Run(cache, ledger, ledgerFormat(ledger, ledgerFormats), from, to, Instant.now(), customerNames, offerNames);
    }

    /**
     * As the ledger reader tells the format by the header row; it has just read the file whole, so this only fails if
     * the file changed meanwhile, which leaves the page's format unnamed rather than the report unwritten.
     */
    private static String ledgerFormat(Path ledger, Function<Path, Optional<String>> ledgerFormats) {
        try {
            return ledgerFormats.apply(ledger).orElse("ledger");
        } catch (LedgerReadException changedSince) {
            return "ledger";
        }
    }
}
