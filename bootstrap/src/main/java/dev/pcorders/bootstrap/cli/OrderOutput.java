package dev.pcorders.bootstrap.cli;

import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.Pricing;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Prints orders in the three output formats of {@code orders list} and {@code orders show}. */
final class OrderOutput {

    static final List<String> CSV_HEADER = List.of("customerId", "orderId", "alternateId", "creationDate", "status",
            "billingCycle", "transactionType", "currencyCode", "totalPrice", "lineItemNumber", "offerId", "friendlyName",
            "quantity", "subscriptionId", "partnerIdOnRecord", "termDuration", "lineTransactionType", "listPrice",
            "discountedPrice", "price", "extendedPrice", "proratedPrice");

    private OrderOutput() {
    }

    /** The orders to print, handed over one at a time: a cache read need not be held whole to be printed. */
    @FunctionalInterface
    interface OrderSource {
        void forEach(Consumer<Order> action);
    }

    static void json(OrderSource orders, PrintWriter out) throws IOException {
        try (OrderJsonWriter json = new OrderJsonWriter(out)) {
            json.generator().writeStartArray();
            orders.forEach(order -> {
                try {
                    json.writeOrder(order);
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
            json.generator().writeEndArray();
        }
        out.println();
    }

    static void jsonOne(Order order, PrintWriter out) throws IOException {
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
            orders.forEach(order -> {
                if (order.lineItems().isEmpty()) {
                    csv.row(row(order, Optional.empty()));
                }
                for (OrderLineItem item : order.lineItems()) {
                    csv.row(row(order, Optional.of(item)));
                }
            });
        } finally {
            // Also when the read fails part-way: FastCSV's buffer fills mid-row, so what reached the output already may
            // end inside a row; flushing the rest ends it at a whole row (the exit code says the listing is incomplete).
            csv.flush();
            out.flush();
        }
    }

    private static List<String> row(Order order, Optional<OrderLineItem> item) {
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
                text(pricing.flatMap(Pricing::extendedPrice)), text(pricing.flatMap(Pricing::proratedPrice)));
    }

    static void table(List<Order> orders, PrintWriter out) {
        TextTable table = new TextTable(List.of("CUSTOMER", "ORDER", "CREATED", "STATUS", "CYCLE", "ITEMS", "QTY", "TOTAL"),
                false, false, false, false, false, true, true, true);
        for (Order order : orders) {
            int quantity = order.lineItems().stream().mapToInt(OrderLineItem::quantity).sum();
            table.add(List.of(order.referenceCustomerId().toString(), order.id().value(),
                    order.creationDateAsSent().toLocalDate().toString(), text(order.status()), text(order.billingCycle()),
                    Integer.toString(order.lineItems().size()), Integer.toString(quantity), total(order)));
        }
        if (table.isEmpty()) {
            out.println("No cached orders match.");
        } else {
            table.print(out);
        }
        out.flush();
    }

    static void tableOne(Order order, PrintWriter out) {
        out.println("Order        " + order.id().value() + order.alternateId().map(alt -> "  (alternate id " + alt + ")").orElse(""));
        out.println("Customer     " + order.referenceCustomerId());
        out.println("Created      " + order.creationDateAsSent());
        out.println("Status       " + text(order.status()));
        out.println("Billing      " + text(order.billingCycle()) + "   " + text(order.transactionType()));
        out.println("Total        " + total(order));
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
