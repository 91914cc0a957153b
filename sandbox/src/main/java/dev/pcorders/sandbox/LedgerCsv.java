package dev.pcorders.sandbox;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a ledger of the sandbox's own orders in a {@link LedgerLayout}: one purchase row per billed line item, plus
 * the planted discrepancies; in Partner Center's new-commerce invoice reconciliation export also Cancel rows for
 * cancelled orders and cycleCharge rows for monthly ones. Two passes over the generated orders (choose, then write),
 * so memory holds the candidate lines' positions, not the orders.
 */
final class LedgerCsv {

    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "DKK");

    private final OrderGenerator generator;
    private final int ordersPerCustomer;
    private final ReconciliationPlan plan;
    private final PlantedDiscrepancies planted;
    private final List<PlantedSubscription> plantedSubscriptions;
    private final Function<LedgerLines, LedgerLayout> layout;

    LedgerCsv(OrderGenerator generator, int ordersPerCustomer, ReconciliationPlan plan, SubscriptionGenerator subscriptions,
              Function<LedgerLines, LedgerLayout> layout) {
        this.generator = generator;
        this.ordersPerCustomer = ordersPerCustomer;
        this.plan = plan;
        Optional<SubscriptionGenerator> cases = plan.subscriptionCases() ? Optional.of(subscriptions) : Optional.empty();
        this.planted = new PlantedDiscrepancies(generator, ordersPerCustomer, plan, cases);
        this.plantedSubscriptions = cases.map(s -> s.planted().all()).orElse(List.of());
        this.layout = layout;
    }

    ReconciliationExport write(OutputStream out) throws IOException {
        if (plan.byteOrderMark()) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        // The caller owns the stream: flushed, never closed here.
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(new NonClosing(out), StandardCharsets.UTF_8);
        LedgerLines lines = new LedgerLines(csv);
        LedgerLayout rows = layout.apply(lines);
        planted.chooseLines(this::inScope, rows::spoilable);
        lines.writeHeader(rows.header());
        for (SandboxCustomer customer : generator.customers()) {
            for (int i = 0; i < ordersPerCustomer; i++) {
                GeneratedOrder order = generator.order(customer.index(), i);
                if (inScope(order)) {
                    writeOrderRows(rows, customer, order);
                }
            }
        }
        planted.writeMissingInPartnerCenter(rows);
        csv.flush();
        return new ReconciliationExport(lines.dataRows(), lines.rowsByChargeType(), planted.planted(), plantedSubscriptions);
    }

    private boolean inScope(GeneratedOrder order) {
        return plan.includeSystemPurchases() || !order.isSystemPurchase();
    }

    private void writeOrderRows(LedgerLayout rows, SandboxCustomer customer, GeneratedOrder order) {
        // Partner Center's export names an order by its id or by its alternateId, and a partner ledger is matched the
        // same way: both must match.
        boolean byAlternate = order.alternateId().isPresent()
                && (Seeds.mix(generator.seed(), Seeds.RECONCILIATION, order.customerIndex(), order.orderIndex()) & 3) == 0;
        String reference = byAlternate ? order.alternateId().get() : order.id();
        for (GeneratedOrder.LineItem item : order.lineItems()) {
            if (item.catalogOffer().isEmpty()) {
                // Legacy offers have no ProductId/SkuId/AvailabilityId: they are not in the new-commerce export. Only
                // cancelled orders have them here, which a partner ledger does not bill either.
                continue;
            }
            DiscrepancyKind kind = planted.kindOf(order, item);
            if (order.isCancelled()) {
                if (rows.writesNonPurchaseCharges()) {
                    rows.writeOrderRow(customer, order, reference, item, "Cancel", item.quantity(), item.pricing().price(),
                            order.currencyCode());
                }
                if (kind == DiscrepancyKind.BILLED_BUT_CANCELLED) {
                    long at = rows.writeOrderRow(customer, order, reference, item, "New", item.quantity(),
                            item.pricing().price(), order.currencyCode());
                    planted.plant(kind, order, reference, item, Optional.of(at), Optional.of("billed"),
                            Optional.of(order.status()));
                }
                continue;
            }
            if (kind == DiscrepancyKind.MISSING_IN_LEDGER) {
                planted.plant(kind, order, order.id(), item, Optional.empty(), Optional.empty(),
                        Optional.of(Integer.toString(item.quantity())));
                continue;
            }
            int quantity = item.quantity();
            BigDecimal price = item.pricing().price();
            String currency = order.currencyCode();
            Optional<String> expected = Optional.empty();
            Optional<String> actual = Optional.empty();
            if (kind == DiscrepancyKind.QUANTITY_MISMATCH) {
                quantity = item.quantity() + 1 + (int) (Math.abs(Seeds.mix(generator.seed(), order.orderIndex(), item.number(), 7)) % 5);
                expected = Optional.of(Integer.toString(quantity));
                actual = Optional.of(Integer.toString(item.quantity()));
            } else if (kind == DiscrepancyKind.PRICE_MISMATCH) {
                // Well outside any sensible tolerance: a tenth more, plus one.
                price = price.multiply(new BigDecimal("1.1")).add(BigDecimal.ONE).setScale(4, RoundingMode.HALF_EVEN);
                expected = Optional.of(price.toPlainString());
                actual = Optional.of(item.pricing().price().toPlainString());
            } else if (kind == DiscrepancyKind.CURRENCY_MISMATCH) {
                currency = CURRENCIES.get((CURRENCIES.indexOf(order.currencyCode()) + 1) % CURRENCIES.size());
                expected = Optional.of(currency);
                actual = Optional.of(order.currencyCode());
            }
            long at = rows.writeOrderRow(customer, order, reference, item, InvoiceRows.chargeType(item.transactionType()),
                    quantity, price, currency);
            if (kind != null) {
                planted.plant(kind, order, reference, item, Optional.of(at), expected, actual);
            }
            if (rows.writesNonPurchaseCharges() && item.number() == 0 && order.cycle() == BillingCycleCode.MONTHLY) {
                rows.writeOrderRow(customer, order, reference, item, "cycleCharge", item.quantity(), item.pricing().price(),
                        order.currencyCode());
            }
        }
    }

    /** Lets CsvWriter flush into a stream it must not close. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
