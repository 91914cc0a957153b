package dev.pcorders.cli;

import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.Money;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Prints orders in the three output formats of {@code orders list} and {@code orders show}. */
final class OrderOutput {

    static final List<String> CSV_HEADER = List.of("customerId", "orderId", "alternateId", "creationDate", "status",
            "billingCycle", "transactionType", "currencyCode", "totalPrice", "lineItemNumber", "offerId", "friendlyName",
            "quantity", "subscriptionId", "partnerIdOnRecord", "termDuration", "lineTransactionType", "listPrice",
            "discountedPrice", "price", "extendedPrice", "proratedPrice", "pricesAsOf");

    /** Enough rows to size the columns well; few enough that holding them costs little. */
    static final int TABLE_FIRST_BATCH = 1000;

    private OrderOutput() {
    }

    /** The orders to print, handed over one at a time: a cache read need not be held whole to be printed. */
    @FunctionalInterface
    interface OrderSource {
        void forEach(Consumer<CachedOrder> action);
    }

    static void json(OrderSource orders, PrintWriter out) throws IOException {
        try (OrderJsonWriter json = new OrderJsonWriter(out)) {
            json.generator().writeStartArray();
            orders.forEach(cached -> {
                try {
                    json.writeOrder(cached);
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
            json.generator().writeEndArray();
        }
        out.println();
    }

    static void jsonOne(CachedOrder order, PrintWriter out) throws IOException {
        try (OrderJsonWriter json = new OrderJsonWriter(out)) {
            json.writeOrder(order);
        }
        out.println();
    }

    /** One row per line item, so a spreadsheet can sum quantities; an order without line items still gets a row. */
    static void csv(OrderSource orders, PrintWriter out) {
        SpreadsheetCsv csv = new SpreadsheetCsv(out);
        csv.row(CSV_HEADER);
        try {
            orders.forEach(cached -> {
                if (cached.order().lineItems().isEmpty()) {
                    csv.row(row(cached, Optional.empty()));
                }
                for (OrderLineItem item : cached.order().lineItems()) {
                    csv.row(row(cached, Optional.of(item)));
                }
            });
        } finally {
            // Also when the read fails part-way: FastCSV's buffer fills mid-row, so what reached the output already may
            // end inside a row; flushing the rest ends it at a whole row (the exit code says the listing is incomplete).
            csv.flush();
            out.flush();
        }
    }

    private static List<String> row(CachedOrder cached, Optional<OrderLineItem> item) {
        Order order = cached.order();
        Optional<Pricing> pricing = item.flatMap(OrderLineItem::pricing);
        return List.of(order.referenceCustomerId().toString(), order.id().value(), text(order.alternateId()),
                order.creationDateAsSent().toString(), text(order.status()), text(order.billingCycle()),
                text(order.transactionType()), text(order.currencyCode()), text(order.totalPrice()),
                item.map(i -> Integer.toString(i.lineItemNumber())).orElse(""),
                item.map(i -> i.offerId().value()).orElse(""), text(item.flatMap(OrderLineItem::friendlyName)),
                item.map(i -> Integer.toString(i.quantity())).orElse(""), text(item.flatMap(OrderLineItem::subscriptionId)),
                text(item.flatMap(OrderLineItem::partnerIdOnRecord)), text(item.flatMap(OrderLineItem::termDuration)),
                text(item.flatMap(OrderLineItem::transactionType)), text(pricing.flatMap(Pricing::listPrice)),
                text(pricing.flatMap(Pricing::discountedPrice)), text(pricing.flatMap(Pricing::price)),
                text(pricing.flatMap(Pricing::extendedPrice)), text(pricing.flatMap(Pricing::proratedPrice)),
                text(cached.pricesAsOf()));
    }

    /**
     * Prints as the orders arrive, then the total per currency (orders synced without prices add nothing): the widths
     * come from the first {@link #TABLE_FIRST_BATCH} rows, so a listing of any size is never held whole.
     */
    static void table(OrderSource orders, PrintWriter out) {
        TextTable table = new TextTable(List.of("CUSTOMER", "ORDER", "CREATED (UTC)", "STATUS", "CYCLE", "ITEMS", "QTY", "TOTAL"),
                false, false, false, false, false, true, true, true).streaming(out, TABLE_FIRST_BATCH);
        Map<CurrencyCode, Money> totals = new TreeMap<>();
        PriceDates prices = new PriceDates();
        try {
            orders.forEach(cached -> {
                Order order = cached.order();
                prices.add(cached);
                int quantity = order.lineItems().stream().mapToInt(OrderLineItem::quantity).sum();
                // The day in UTC, as --from and --to read it: the offset Partner Center wrote could move it a day.
                table.add(List.of(order.referenceCustomerId().toString(), order.id().value(),
                        LocalDate.ofInstant(order.creationDate(), ZoneOffset.UTC).toString(), text(order.status()),
                        text(order.billingCycle()), Integer.toString(order.lineItems().size()), Integer.toString(quantity),
                        total(order)));
                order.currencyCode().ifPresent(currency -> order.totalPrice()
                        .ifPresent(price -> totals.merge(currency, price.in(currency), Money::plus)));
            });
        } finally {
            // Also when the read fails part-way: the rows read so far are printed, the exit code says the rest is missing.
            if (!table.isEmpty()) {
                table.finish();
            }
            out.flush();
        }
        if (table.isEmpty()) {
            out.println("No cached orders match.");
        } else if (!totals.isEmpty()) {
            out.println();
            totals.values().forEach(total -> out.println("Total " + total));
        }
        prices.note().ifPresent(out::println);
        out.flush();
    }

    /**
     * When the listed prices were fetched: a sync without --include-price keeps the prices it found, so they can be
     * older than the rest of an order.
     */
    private static final class PriceDates {
        private Instant oldest;
        private Instant newest;
        private long unpriced;

        void add(CachedOrder cached) {
            if (cached.pricesAsOf().isEmpty()) {
                unpriced++;
                return;
            }
            Instant at = cached.pricesAsOf().get();
            oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
            newest = newest == null || at.isAfter(newest) ? at : newest;
        }

        Optional<String> note() {
            if (oldest == null) {
                return Optional.empty();
            }
            String when = oldest.equals(newest) ? "as of " + oldest : "as of " + oldest + " to " + newest;
            return Optional.of("Prices " + when + " (UTC; pricesAsOf in json/csv)"
                    + (unpriced == 0 ? "" : "; " + unpriced + " order(s) have no prices: sync with --include-price"));
        }
    }

    static void tableOne(CachedOrder cached, PrintWriter out) {
        Order order = cached.order();
        out.println("Order        " + order.id().value() + order.alternateId().map(alt -> "  (alternate id " + alt + ")").orElse(""));
        out.println("Customer     " + order.referenceCustomerId());
        out.println("Created      " + order.creationDateAsSent());
        out.println("Status       " + text(order.status()));
        out.println("Billing      " + text(order.billingCycle()) + "   " + text(order.transactionType()));
        out.println("Total        " + total(order));
        cached.pricesAsOf().ifPresent(at -> out.println("Prices as of " + at + "  (when a sync with --include-price fetched them)"));
        out.println();
        TextTable items = new TextTable(List.of("#", "OFFER", "NAME", "QTY", "TERM", "UNIT PRICE", "SUBSCRIPTION"),
                true, false, false, true, false, true, false);
        for (OrderLineItem item : order.lineItems()) {
            items.add(List.of(Integer.toString(item.lineItemNumber()), item.offerId().value(), text(item.friendlyName()),
                    Integer.toString(item.quantity()), text(item.termDuration()),
                    text(item.pricing().flatMap(Pricing::effectiveUnitPrice)), text(item.subscriptionId())));
        }
        items.print(out);
        out.flush();
    }

    /** The total with the order's currency, e.g. {@code 12.50 USD}; empty when fetched without prices. */
    private static String total(Order order) {
        return order.totalPrice().map(total -> total + order.currencyCode().map(code -> " " + code).orElse("")).orElse("");
    }

    static String text(Optional<?> value) {
        return value.map(Object::toString).orElse("");
    }

}
