package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.shared.CustomerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cached side of a reconciliation, keyed for matching: the orders that take part, each under every reference
 * the ledger may name it by, and the references of the orders that do not take part because they were created
 * outside the window.
 */
final class CachedOrderIndex {

    /** A reference the ledger may name an order by (its id or its alternate id), of one customer; compared exactly. */
    record Reference(CustomerId customer, String reference) {
    }

    private final Map<Reference, CachedOrder> byReference = new HashMap<>();
    /** Later orders answering to a reference already taken (one's id being another's alternate id): rare. */
    private final Map<Reference, List<CachedOrder>> sharedReferences = new HashMap<>();
    private final List<CachedOrder> orders = new ArrayList<>();
    // Customers and offers repeat across orders: one instance of each (and of each match key) serves every order and line.
    private final Map<CustomerId, CustomerId> customers = new HashMap<>();
    private final Map<OfferId, OfferId> offers = new HashMap<>();
    private final Map<String, String> offerKeys = new HashMap<>();
    /** The references of cached orders created outside the window: a ledger row naming one is not compared. */
    private final Set<Reference> outsideWindow = new HashSet<>();

    void add(Order order) {
        Map<String, List<OrderLineItem>> byOffer = new LinkedHashMap<>();
        for (OrderLineItem item : order.lineItems()) {
            byOffer.computeIfAbsent(item.offerId().matchKey(), key -> new ArrayList<>(1)).add(item);
        }
        CachedOrder cached = new CachedOrder(order, customers.computeIfAbsent(order.referenceCustomerId(), c -> c),
                byOffer.size());
        int index = 0;
        for (Map.Entry<String, List<OrderLineItem>> entry : byOffer.entrySet()) {
            OfferId offerId = entry.getValue().get(0).offerId();
            OrderLine line = new OrderLine(cached, offers.computeIfAbsent(offerId, o -> o),
                    offerKeys.computeIfAbsent(entry.getKey(), k -> k));
            entry.getValue().forEach(line::addItem);
            cached.lines[index++] = line;
        }
        orders.add(cached);
        index(new Reference(cached.customer, cached.id.value()), cached);
        cached.alternateId.filter(id -> !id.equals(cached.id.value()))
                .ifPresent(id -> index(new Reference(cached.customer, id), cached));
    }

    void addOutsideWindow(Order order) {
        CustomerId customer = customers.computeIfAbsent(order.referenceCustomerId(), c -> c);
        outsideWindow.add(new Reference(customer, order.id().value()));
        order.alternateId().ifPresent(id -> outsideWindow.add(new Reference(customer, id)));
    }

    private void index(Reference reference, CachedOrder order) {
        // Should two cached orders answer to one reference (one's id being the other's alternate id), the
        // first added keeps it for the offers it has: orders arrive sorted by creation date, so that is the older order.
        CachedOrder first = byReference.putIfAbsent(reference, order);
        if (first != null && first != order) {
            sharedReferences.computeIfAbsent(reference, r -> new ArrayList<>(1)).add(order);
        }
    }

    /** The line of this offer in an order the reference names, or null. */
    OrderLine find(Reference reference, String offerKey) {
        CachedOrder first = byReference.get(reference);
        if (first == null) {
            return null;
        }
        OrderLine line = first.line(offerKey);
        if (line == null && !sharedReferences.isEmpty()) {
            for (CachedOrder later : sharedReferences.getOrDefault(reference, List.of())) {
                line = later.line(offerKey);
                if (line != null) {
                    break;
                }
            }
        }
        return line;
    }

    /** The order that holds the reference, or null. */
    CachedOrder order(Reference reference) {
        return byReference.get(reference);
    }

    /** Every order taking part that answers to the reference, the one that holds it included. */
    List<CachedOrder> ordersNamed(Reference reference) {
        List<CachedOrder> ordersNamed = new ArrayList<>(sharedReferences.getOrDefault(reference, List.of()));
        Optional.ofNullable(byReference.get(reference)).ifPresent(ordersNamed::add);
        return ordersNamed;
    }

    boolean isOutsideWindow(Reference reference) {
        return outsideWindow.contains(reference);
    }

    /** The customers of every cached order added, in the window or not. */
    Set<CustomerId> customers() {
        return Collections.unmodifiableSet(customers.keySet());
    }

    /**
     * Forgets every order of a customer not in {@code kept}. Ledger rows only ever match orders of their own customer,
     * so after the ledger has streamed by, what it folded into the kept customers' lines is untouched.
     */
    void retainCustomers(Set<CustomerId> kept) {
        orders.removeIf(order -> !kept.contains(order.customer));
        byReference.keySet().removeIf(reference -> !kept.contains(reference.customer()));
        sharedReferences.keySet().removeIf(reference -> !kept.contains(reference.customer()));
        outsideWindow.removeIf(reference -> !kept.contains(reference.customer()));
        customers.keySet().retainAll(kept);
    }

    /** The orders taking part, in the order they were added. */
    List<CachedOrder> orders() {
        return Collections.unmodifiableList(orders);
    }
}
