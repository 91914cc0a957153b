package dev.pcorders.cli;

import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.reconciliation.CurrencyTotals;
import dev.pcorders.domain.reconciliation.Discrepancy;
import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import dev.pcorders.domain.reconciliation.LedgerRowError;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.reconciliation.SubscriptionDetail;
import dev.pcorders.domain.shared.Amount;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code --format xlsx} of {@code orders list}, {@code subscriptions list} and {@code reconcile}: the columns of their
 * CSV, as typed cells, one sheet per part. Written as the cache is read ({@link XlsxWorkbook}), in constant memory.
 */
final class XlsxOutput {

    static final String ORDERS_SHEET = "Orders";
    static final String SUBSCRIPTIONS_SHEET = "Subscriptions";
    static final String SUMMARY_SHEET = "Summary";
    static final String DISCREPANCIES_SHEET = "Discrepancies";
    static final String SUBSCRIPTION_DISCREPANCIES_SHEET = "Subscription discrepancies";
    static final String TOTALS_SHEET = "Totals";
    static final String ROW_ERRORS_SHEET = "Rows in error";
    static final String NOTES_SHEET = "Notes";

    private XlsxOutput() {
    }

    /** One row per line item, as the CSV; {@code creationDate} and {@code pricesAsOf} as date-times in UTC. */
    static void orders(OrderOutput.OrderSource orders, OutputStream out) throws IOException {
        try (XlsxWorkbook workbook = new XlsxWorkbook()) {
            List<String> headers = new ArrayList<>(OrderOutput.CSV_HEADER);
            headers.set(headers.indexOf("creationDate"), "creationDate (UTC)");
            headers.set(headers.indexOf("pricesAsOf"), "pricesAsOf (UTC)");
            XlsxWorkbook.Sheet sheet = workbook.sheet(ORDERS_SHEET, headers, List.of(38, 38, 22, 20, 11, 12, 14, 9, 14, 8,
                    32, 30, 9, 38, 16, 9, 14, 12, 12, 12, 13, 13, 20));
            orders.forEach(cached -> {
                if (cached.order().lineItems().isEmpty()) {
                    orderRow(sheet, cached, Optional.empty());
                }
                for (OrderLineItem item : cached.order().lineItems()) {
                    orderRow(sheet, cached, Optional.of(item));
                }
            });
            sheet.finish();
            workbook.write(out);
        }
    }

    private static void orderRow(XlsxWorkbook.Sheet sheet, CachedOrder cached, Optional<OrderLineItem> item) {
        Order order = cached.order();
        Optional<String> currency = order.currencyCode().map(Object::toString);
        Optional<Pricing> pricing = item.flatMap(OrderLineItem::pricing);
        sheet.row().text(order.referenceCustomerId().toString()).text(order.id().value()).text(order.alternateId())
                .dateTime(Optional.of(order.creationDate())).text(order.status()).text(order.billingCycle())
                .text(order.transactionType()).text(currency).money(amount(order.totalPrice()), currency)
                .number(item.map(OrderLineItem::lineItemNumber)).text(item.map(i -> i.offerId().value()))
                .text(item.flatMap(OrderLineItem::friendlyName)).number(item.map(OrderLineItem::quantity))
                .text(item.flatMap(OrderLineItem::subscriptionId)).text(item.flatMap(OrderLineItem::partnerIdOnRecord))
                .text(item.flatMap(OrderLineItem::termDuration)).text(item.flatMap(OrderLineItem::transactionType))
                .money(amount(pricing.flatMap(Pricing::listPrice)), currency)
                .money(amount(pricing.flatMap(Pricing::discountedPrice)), currency)
                .money(amount(pricing.flatMap(Pricing::price)), currency)
                .money(amount(pricing.flatMap(Pricing::extendedPrice)), currency)
                .money(amount(pricing.flatMap(Pricing::proratedPrice)), currency)
                .dateTime(cached.pricesAsOf());
    }

    private static Optional<BigDecimal> amount(Optional<Amount> amount) {
        return amount.map(Amount::value);
    }

    static void subscriptions(SubscriptionOutput.SubscriptionSource subscriptions, OutputStream out) throws IOException {
        try (XlsxWorkbook workbook = new XlsxWorkbook()) {
            List<String> headers = new ArrayList<>(SubscriptionOutput.CSV_HEADER);
            for (String date : List.of("creationDate", "effectiveStartDate", "commitmentEndDate")) {
                headers.set(headers.indexOf(date), date + " (UTC)");
            }
            XlsxWorkbook.Sheet sheet = workbook.sheet(SUBSCRIPTIONS_SHEET, headers, List.of(38, 38, 32, 30, 30, 9, 12, 11,
                    10, 12, 9, 20, 20, 20, 38, 38, 8, 12, 14));
            subscriptions.forEach(s -> sheet.row().text(s.customer().toString()).text(s.id().toString()).text(s.offerId())
                    .text(s.offerName()).text(s.friendlyName()).number(s.quantity()).text(s.unitType())
                    .text(s.status().toString()).bool(s.autoRenewEnabled()).text(s.billingCycle()).text(s.termDuration())
                    .dateTime(Optional.of(s.creationDate())).dateTime(s.effectiveStartDate())
                    .dateTime(s.commitmentEndDate()).text(s.orderId()).text(s.entitlementId()).bool(s.isTrial())
                    .text(s.billingType()).text(s.contractType()));
            sheet.finish();
            workbook.write(out);
        }
    }

    /**
     * The reconciliation in sheets: the summary, the order discrepancies, the subscription discrepancies (when
     * subscriptions took part), the totals per currency, the rows in error (when there are any) and the notes the
     * table and JSON give beside the report (when there are any: customers whose unmatched rows may be system
     * purchases never synced, customers whose subscriptions were not checked).
     */
    static void reconciliation(ReconciliationReport report, List<ReconcileCommand.Note> notes, OutputStream out)
            throws IOException {
        try (XlsxWorkbook workbook = new XlsxWorkbook()) {
            summary(report, workbook);
            XlsxWorkbook.Sheet orders = workbook.sheet(DISCREPANCIES_SHEET, List.of("kind", "customerId", "orderId",
                    "alternateId", "offerId", "ledgerLines", "ledgerRows", "expected", "actual", "message"),
                    List.of(26, 38, 24, 20, 32, 16, 10, 16, 16, 60));
            for (Discrepancy d : report.discrepancies()) {
                if (d.subscription().isEmpty()) {
                    orders.row().text(d.kind().name()).text(d.customer().toString())
                            .text(d.orderId().map(Object::toString).orElse(d.orderReference())).text(d.alternateId())
                            .text(d.offerId().value()).text(lines(d)).number(d.ledgerRows()).numberOrText(d.expected())
                            .numberOrText(d.actual()).text(d.message());
                }
            }
            orders.finish();
            if (report.subscriptions().isInPlay()) {
                XlsxWorkbook.Sheet subscriptions = workbook.sheet(SUBSCRIPTION_DISCREPANCIES_SHEET, List.of("kind",
                        "customerId", "subscriptionId", "offerId", "status", "cachedQuantity", "ledgerQuantity", "orderId",
                        "ledgerLines", "ledgerRows", "message"), List.of(30, 38, 38, 32, 12, 14, 14, 24, 16, 10, 60));
                for (Discrepancy d : report.discrepancies()) {
                    if (d.subscription().isPresent()) {
                        SubscriptionDetail subscription = d.subscription().get();
                        subscriptions.row().text(d.kind().name()).text(d.customer().toString())
                                .text(subscription.subscriptionId()).text(d.offerId().value()).text(subscription.status())
                                .number(subscription.cachedQuantity()).number(subscription.ledgerQuantity())
                                .text(Optional.of(d.orderReference()).filter(reference -> !reference.isEmpty()))
                                .text(lines(d)).number(d.ledgerRows()).text(d.message());
                    }
                }
                subscriptions.finish();
            }
            totals(report, workbook);
            if (!report.rowsInError().isEmpty()) {
                XlsxWorkbook.Sheet errors = workbook.sheet(ROW_ERRORS_SHEET, List.of("line", "column", "problem"),
                        List.of(10, 20, 80));
                for (LedgerRowError error : report.rowsInError()) {
                    errors.row().number(error.line()).text(error.column()).text(error.problem());
                }
                errors.finish();
            }
            if (!notes.isEmpty()) {
                XlsxWorkbook.Sheet sheet = workbook.sheet(NOTES_SHEET, List.of("note", "customerIds"), List.of(120, 80));
                for (ReconcileCommand.Note note : notes) {
                    sheet.row().text(note.text()).text(note.customers().stream().map(Object::toString)
                            .collect(Collectors.joining(" ")));
                }
                sheet.finish();
            }
            workbook.write(out);
        }
    }

    private static void summary(ReconciliationReport report, XlsxWorkbook workbook) {
        XlsxWorkbook.Sheet summary = workbook.sheet(SUMMARY_SHEET, List.of("figure", "count"), List.of(40, 12));
        summary.row().text("ledgerRowsRead").number(report.coverage().ledgerRowsRead());
        summary.row().text("matched").number(report.matched());
        summary.row().text("discrepancies").number(report.discrepancies().size());
        for (Map.Entry<DiscrepancyKind, Long> count : report.countsByKind().entrySet()) {
            summary.row().text(count.getKey().name()).number(count.getValue());
        }
        summary.row().text("notCompared").number(report.notCompared());
        for (Map.Entry<String, Long> count : report.notComparedByChargeType().entrySet()) {
            summary.row().text("notCompared: " + count.getKey()).number(count.getValue());
        }
        summary.row().text("rowsOutsideWindow").number(report.rowsOutsideWindow());
        summary.row().text("rowsInError").number(report.rowsInError().size());
        summary.row().text("rowsWithoutAmount").number(report.coverage().rowsWithoutAmount());
        summary.row().text("cachedLinesWithoutAmount").number(report.coverage().cachedLinesWithoutAmount());
        summary.finish();
    }

    private static void totals(ReconciliationReport report, XlsxWorkbook workbook) {
        List<String> headers = new ArrayList<>(List.of("currency", "ledger", "partnerCenter", "difference"));
        DiscrepancyKind.orderLevel().stream().map(DiscrepancyKind::name).forEach(headers::add);
        headers.addAll(List.of("residue", "notCompared", "outsideWindow"));
        XlsxWorkbook.Sheet sheet = workbook.sheet(TOTALS_SHEET, headers,
                Collections.nCopies(headers.size(), 18));
        for (CurrencyTotals totals : report.totals()) {
            Optional<String> currency = Optional.of(totals.currency().toString());
            XlsxWorkbook.Cells row = sheet.row().text(currency).money(Optional.of(totals.ledger()), currency)
                    .money(Optional.of(totals.partnerCenter()), currency).money(Optional.of(totals.difference()), currency);
            totals.byKind().values().forEach(amount -> row.money(Optional.of(amount), currency));
            row.money(Optional.of(totals.residue()), currency).money(Optional.of(totals.notCompared()), currency)
                    .money(Optional.of(totals.outsideWindow()), currency);
        }
        sheet.finish();
    }

    private static String lines(Discrepancy d) {
        return d.ledgerLines().stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
}
