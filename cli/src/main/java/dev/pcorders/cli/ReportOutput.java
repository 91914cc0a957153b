package dev.pcorders.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pcorders.domain.order.OrderChange;
import dev.pcorders.domain.reconciliation.Discrepancy;
import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import dev.pcorders.domain.reconciliation.LedgerRowError;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.reconciliation.SubscriptionCheck;
import dev.pcorders.domain.reconciliation.SubscriptionDetail;
import dev.pcorders.domain.shared.CustomerId;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Prints reconciliation reports and the change log in the three output formats. Subscription-level discrepancies are
 * printed apart from the order-level ones (their own table, CSV section and JSON fields), and only when subscriptions
 * took part, so the output of an order-only reconciliation is what it always was.
 */
final class ReportOutput {

    private static final List<ChangeLogOutput.Column> ORDER_CHANGE_COLUMNS = List.of(
            ChangeLogOutput.Column.number("syncRun", "RUN"), ChangeLogOutput.Column.text("detectedAt", "DETECTED"),
            ChangeLogOutput.Column.text("customerId", "CUSTOMER"), ChangeLogOutput.Column.text("orderId", "ORDER"),
            ChangeLogOutput.Column.text("kind", "CHANGE"), ChangeLogOutput.Column.number("lineItemNumber", "LINE"),
            ChangeLogOutput.Column.text("before", "BEFORE"), ChangeLogOutput.Column.text("after", "AFTER"));

    private ReportOutput() {
    }

    static final String SYSTEM_PURCHASES_HINT = "the rows Partner Center could not match may bill orders it created itself "
            + "(system purchases), which the cache holds only after a sync with --include-system-purchases; run "
            + "pc-orders sync --include-system-purchases (with your usual flags) for these customers and reconcile again";

    static final String SUBSCRIPTIONS_NOT_CACHED_HINT = "nothing subscription-level is reported for them; run "
            + "pc-orders sync --resources orders,subscriptions for these customers and reconcile again";

    static final String NO_SUBSCRIPTIONS_IN_LEDGER_HINT = "nothing subscription-level is reported for them; a partner ledger "
            + "with a subscription_id column lets their subscriptions be checked";

    static void reconciliation(ReconciliationReport report, OutputFormat format, PrintWriter out) throws IOException {
        if (format == OutputFormat.JSON) {
            reconciliationJson(report, out);
        } else if (format == OutputFormat.CSV) {
            reconciliationCsv(report, out);
        } else {
            reconciliationTable(report, out);
        }
        out.flush();
    }

    private static void reconciliationJson(ReconciliationReport report, PrintWriter out) throws IOException {
        try (OrderJsonWriter writer = new OrderJsonWriter(out)) {
            JsonGenerator json = writer.generator();
            json.writeStartObject();
            json.writeObjectFieldStart("summary");
            json.writeObjectFieldStart("discrepanciesByKind");
            for (Map.Entry<DiscrepancyKind, Long> count : report.countsByKind().entrySet()) {
                json.writeNumberField(count.getKey().name(), count.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("discrepancies", report.discrepancies().size());
            json.writeNumberField("matched", report.matched());
            json.writeNumberField("notCompared", report.notCompared());
            json.writeNumberField("rowsOutsideWindow", report.rowsOutsideWindow());
            json.writeObjectFieldStart("notComparedByChargeType");
            for (Map.Entry<String, Long> count : report.notComparedByChargeType().entrySet()) {
                json.writeNumberField(count.getKey(), count.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("rowsInError", report.rowsInError().size());
            json.writeArrayFieldStart("rowErrors");
            for (LedgerRowError error : report.rowsInError()) {
                json.writeStartObject();
                json.writeNumberField("line", error.line());
                json.writeStringField("column", error.column());
                json.writeStringField("problem", error.problem());
                json.writeEndObject();
            }
            json.writeEndArray();
            TotalsOutput.json(report, json);
            if (!report.systemPurchasesNeverSynced().isEmpty()) {
                json.writeObjectFieldStart("mayBeSystemPurchases");
                json.writeArrayFieldStart("customers");
                for (CustomerId customer : report.systemPurchasesNeverSynced()) {
                    json.writeString(customer.toString());
                }
                json.writeEndArray();
                json.writeStringField("hint", SYSTEM_PURCHASES_HINT);
                json.writeEndObject();
            }
            if (report.subscriptions().isInPlay()) {
                subscriptionCheckJson(report.subscriptions(), json);
            }
            json.writeEndObject();
            json.writeArrayFieldStart("discrepancies");
            for (Discrepancy d : report.discrepancies()) {
                if (d.subscription().isPresent()) {
                    subscriptionDiscrepancyJson(d, d.subscription().get(), json);
                    continue;
                }
                json.writeStartObject();
                json.writeStringField("kind", d.kind().name());
                json.writeStringField("customerId", d.customer().toString());
                json.writeStringField("orderId", d.orderId().map(Object::toString).orElse(d.orderReference()));
                optional(json, "alternateId", d.alternateId());
                json.writeStringField("offerId", d.offerId().value());
                json.writeArrayFieldStart("ledgerLines");
                for (long line : d.ledgerLines()) {
                    json.writeNumber(line);
                }
                json.writeEndArray();
                // The array lists the first rows only; the count says how many the figures sum.
                json.writeNumberField("ledgerRows", d.ledgerRows());
                optional(json, "expected", d.expected());
                optional(json, "actual", d.actual());
                json.writeStringField("message", d.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.println();
    }

    private static void subscriptionCheckJson(SubscriptionCheck check, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("subscriptions");
        customersJson("checkedCustomers", check.checked(), json);
        if (!check.withoutCachedSubscriptions().isEmpty()) {
            json.writeObjectFieldStart("notCached");
            customersJson("customers", check.withoutCachedSubscriptions(), json);
            json.writeStringField("hint", SUBSCRIPTIONS_NOT_CACHED_HINT);
            json.writeEndObject();
        }
        if (!check.withoutSubscriptionsInLedger().isEmpty()) {
            json.writeObjectFieldStart("notInLedger");
            customersJson("customers", check.withoutSubscriptionsInLedger(), json);
            json.writeStringField("hint", NO_SUBSCRIPTIONS_IN_LEDGER_HINT);
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void customersJson(String name, List<CustomerId> customers, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart(name);
        for (CustomerId customer : customers) {
            json.writeString(customer.toString());
        }
        json.writeEndArray();
    }

    /** A subscription-level discrepancy: the subscription's fields instead of an order's expected and actual values. */
    private static void subscriptionDiscrepancyJson(Discrepancy d, SubscriptionDetail subscription, JsonGenerator json)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", d.kind().name());
        json.writeStringField("customerId", d.customer().toString());
        json.writeStringField("subscriptionId", subscription.subscriptionId());
        json.writeStringField("offerId", d.offerId().value());
        // Absent when Partner Center does not have the subscription: no status and no seats to give.
        optional(json, "status", subscription.status());
        if (subscription.cachedQuantity().isPresent()) {
            json.writeNumberField("cachedQuantity", subscription.cachedQuantity().get());
        }
        json.writeNumberField("ledgerQuantity", subscription.ledgerQuantity());
        optional(json, "orderId", orderOf(d));
        json.writeArrayFieldStart("ledgerLines");
        for (long line : d.ledgerLines()) {
            json.writeNumber(line);
        }
        json.writeEndArray();
        json.writeNumberField("ledgerRows", d.ledgerRows());
        json.writeStringField("message", d.message());
        json.writeEndObject();
    }

    /** The order a subscription-level discrepancy names, if any: the ledger's reference, else the creating order. */
    private static Optional<String> orderOf(Discrepancy d) {
        return Optional.of(d.orderReference()).filter(reference -> !reference.isEmpty());
    }

    private static void optional(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
    }

    private static void reconciliationCsv(ReconciliationReport report, PrintWriter out) {
        SpreadsheetCsv csv = new SpreadsheetCsv(out);
        // ledgerLines holds numbers only, as in JSON, so a script can split it; ledgerRows says how many rows there were.
        csv.row("kind", "customerId", "orderId", "alternateId", "offerId", "ledgerLines", "ledgerRows", "expected",
                "actual", "message");
        for (Discrepancy d : orderLevel(report)) {
            csv.row(d.kind().name(), d.customer().toString(), d.orderId().map(Object::toString).orElse(d.orderReference()),
                    d.alternateId().orElse(""), d.offerId().value(),
                    keptLines(d),
                    Long.toString(d.ledgerRows()), d.expected().orElse(""), d.actual().orElse(""), d.message());
        }
        if (report.subscriptions().isInPlay()) {
            // A section of its own, like the totals: its columns are the subscription's, not an order line's.
            csv.emptyLine();
            csv.row("kind", "customerId", "subscriptionId", "offerId", "status", "cachedQuantity", "ledgerQuantity", "orderId",
                    "ledgerLines", "ledgerRows", "message");
            for (Discrepancy d : subscriptionLevel(report)) {
                SubscriptionDetail subscription = d.subscription().orElseThrow();
                csv.row(d.kind().name(), d.customer().toString(), subscription.subscriptionId(), d.offerId().value(),
                        subscription.status().orElse(""), subscription.cachedQuantity().map(String::valueOf).orElse(""),
                        Long.toString(subscription.ledgerQuantity()), orderOf(d).orElse(""), keptLines(d),
                        Long.toString(d.ledgerRows()), d.message());
            }
        }
        TotalsOutput.csv(report, csv);
        csv.flush();
    }

    private static void reconciliationTable(ReconciliationReport report, PrintWriter out) {
        out.println("Matched order lines: " + report.matched());
        out.println("Discrepancies:       " + report.discrepancies().size());
        // 26 fits every order-level kind; the longer subscription-level names widen the column only when they are listed.
        int width = Math.max(26, report.countsByKind().keySet().stream().mapToInt(kind -> kind.name().length()).max().orElse(0));
        report.countsByKind().forEach((kind, count) -> out.printf("  %-" + width + "s %d%n", kind, count));
        out.println("Not compared:        " + report.notCompared()
                + (report.notComparedByChargeType().isEmpty() ? "" : "  " + report.notComparedByChargeType().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        if (report.rowsOutsideWindow() > 0) {
            out.println("Outside the window:  " + report.rowsOutsideWindow() + " rows of orders created outside --from/--to");
        }
        out.println("Rows in error:       " + report.rowsInError().size());
        for (LedgerRowError error : report.rowsInError()) {
            out.println("  line " + error.line() + ", column " + error.column() + ": " + error.problem());
        }
        TotalsOutput.table(report, out);
        if (!report.systemPurchasesNeverSynced().isEmpty()) {
            out.println();
            out.println("Note: " + report.systemPurchasesNeverSynced().size() + " customer(s) with MISSING_IN_PARTNER_CENTER rows ("
                    + report.systemPurchasesNeverSynced().stream().map(Object::toString).collect(Collectors.joining(", "))
                    + ") were never synced with --include-system-purchases: " + SYSTEM_PURCHASES_HINT);
        }
        SubscriptionCheck check = report.subscriptions();
        if (!check.withoutCachedSubscriptions().isEmpty()) {
            out.println();
            out.println("Note: " + check.withoutCachedSubscriptions().size() + " customer(s) have no cached subscriptions ("
                    + joined(check.withoutCachedSubscriptions()) + "): " + SUBSCRIPTIONS_NOT_CACHED_HINT);
        }
        if (!check.withoutSubscriptionsInLedger().isEmpty()) {
            out.println();
            out.println("Note: no ledger row of " + check.withoutSubscriptionsInLedger().size() + " customer(s) with cached "
                    + "subscriptions names a subscription (" + joined(check.withoutSubscriptionsInLedger()) + "): "
                    + NO_SUBSCRIPTIONS_IN_LEDGER_HINT);
        }
        List<Discrepancy> orderLevel = orderLevel(report);
        if (!orderLevel.isEmpty()) {
            out.println();
            TextTable table = new TextTable(List.of("KIND", "CUSTOMER", "ORDER", "OFFER", "LEDGER LINES", "LEDGER", "PARTNER CENTER"));
            for (Discrepancy d : orderLevel) {
                table.add(List.of(d.kind().name(), d.customer().toString(),
                        d.orderId().map(Object::toString).orElse(d.orderReference()), d.offerId().value(),
                        lines(d), d.expected().orElse(""), d.actual().orElse("")));
            }
            table.print(out);
        }
        List<Discrepancy> subscriptionLevel = subscriptionLevel(report);
        if (!subscriptionLevel.isEmpty()) {
            out.println();
            out.println("Subscriptions (seats: the ledger's summed quantity against Partner Center's):");
            TextTable table = new TextTable(List.of("KIND", "CUSTOMER", "SUBSCRIPTION", "OFFER", "STATUS", "LEDGER LINES",
                    "LEDGER SEATS", "PARTNER CENTER SEATS"), false, false, false, false, false, false, true, true);
            for (Discrepancy d : subscriptionLevel) {
                SubscriptionDetail subscription = d.subscription().orElseThrow();
                table.add(List.of(d.kind().name(), d.customer().toString(), subscription.subscriptionId(), d.offerId().value(),
                        subscription.status().orElse("not in Partner Center"), lines(d),
                        Long.toString(subscription.ledgerQuantity()),
                        subscription.cachedQuantity().map(String::valueOf).orElse("")));
            }
            table.print(out);
        }
    }

    private static List<Discrepancy> orderLevel(ReconciliationReport report) {
        return report.discrepancies().stream().filter(d -> !d.kind().isSubscriptionLevel()).toList();
    }

    private static List<Discrepancy> subscriptionLevel(ReconciliationReport report) {
        return report.discrepancies().stream().filter(d -> d.kind().isSubscriptionLevel()).toList();
    }

    private static String joined(List<CustomerId> customers) {
        return customers.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    /** For people: the line numbers kept, and how many rows went unnamed; never a list that looks complete but is not. */
    private static String lines(Discrepancy d) {
        String kept = keptLines(d);
        return d.omittedLedgerLines() == 0 ? kept : kept + " (+" + d.omittedLedgerLines() + " more)";
    }

    /** The line numbers kept, numbers only, space-separated: for scripts. */
    private static String keptLines(Discrepancy d) {
        return d.ledgerLines().stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    static void changes(List<OrderChange> changes, OutputFormat format, PrintWriter out) throws IOException {
        ChangeLogOutput.print(changes, ORDER_CHANGE_COLUMNS, change -> List.of(
                Optional.of(Long.toString(change.run().value())), Optional.of(change.detectedAt().toString()),
                Optional.of(change.customer().toString()), Optional.of(change.orderId().value()),
                Optional.of(change.kind().name()), optionalNumber(change.difference().lineItemNumber()),
                change.difference().before(), change.difference().after()), "No changes recorded.", format, out);
    }

    private static Optional<String> optionalNumber(OptionalInt value) {
        return value.isPresent() ? Optional.of(Integer.toString(value.getAsInt())) : Optional.empty();
    }
}
