package dev.pcorders.benchmarks;

import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.shared.Page;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** How many rows a first snapshot of these pages puts in each table the store benchmark writes. */
public record RowCounts(long orders, long lineItems, long provisioningEntries, long links, long linkHeaders, long changes) {

    public static RowCounts of(List<Page<Order>> pages) {
        long orders = 0;
        long lineItems = 0;
        long provisioning = 0;
        long links = 0;
        long headers = 0;
        for (Page<Order> page : pages) {
            for (Order order : page.items()) {
                orders++;
                for (Optional<Link> link : List.of(order.links().self(), order.links().provisioningStatus(),
                        order.links().patchOperation())) {
                    links += link.isPresent() ? 1 : 0;
                    headers += link.map(value -> value.headers().size()).orElse(0);
                }
                for (OrderLineItem item : order.lineItems()) {
                    lineItems++;
                    provisioning += item.provisioningContext().size();
                    List<Optional<Link>> itemLinks = Stream.of(item.links().product(), item.links().sku(),
                            item.links().availability(), item.links().subscription(), item.links().provisioningStatus(),
                            item.links().activationLinks()).toList();
                    for (Optional<Link> link : itemLinks) {
                        links += link.isPresent() ? 1 : 0;
                        headers += link.map(value -> value.headers().size()).orElse(0);
                    }
                }
            }
        }
        // One ADDED change per order: the store is empty before the snapshot.
        return new RowCounts(orders, lineItems, provisioning, links, headers, orders);
    }

    public long total() {
        return orders + lineItems + provisioningEntries + links + linkHeaders + changes;
    }
}
