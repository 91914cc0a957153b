package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.ResourceAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One difference between the previous and the current version of an order, with the values before and
 * after as text. This is the rule that decides what a sync reports as changed, shared by every
 * order cache (SQLite, in memory) so the change log means the same whatever stores it.
 */
public record OrderDifference(ChangeKind kind, OptionalInt lineItemNumber, Optional<String> before, Optional<String> after) {

    public OrderDifference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lineItemNumber, "lineItemNumber");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    public static OrderDifference added(Order order) {
        return new OrderDifference(ChangeKind.ADDED, OptionalInt.empty(), Optional.empty(),
                order.status().map(Object::toString));
    }

    public static OrderDifference removed(Order order) {
        return new OrderDifference(ChangeKind.REMOVED, OptionalInt.empty(),
                order.status().map(Object::toString), Optional.empty());
    }

    /**
     * What changed from {@code before} to {@code after} (the same order id). Empty when nothing did.
     * The etag is ignored: Partner Center rotates it, so it says nothing about the order.
     */
    public static List<OrderDifference> between(Order before, Order after) {
        List<OrderDifference> differences = new ArrayList<>();
        boolean sameStatus = before.status().isPresent() && after.status().isPresent()
                ? before.status().get().sameValueAs(after.status().get())
                : before.status().equals(after.status());
        if (!sameStatus) {
            differences.add(orderLevel(ChangeKind.STATUS_CHANGED, before.status(), after.status()));
        }
        if (!before.totalPrice().equals(after.totalPrice())) {
            differences.add(orderLevel(ChangeKind.PRICE_CHANGED, before.totalPrice(), after.totalPrice()));
        }
        Map<Integer, OrderLineItem> oldItems = byNumber(before);
        Map<Integer, OrderLineItem> newItems = byNumber(after);
        for (OrderLineItem oldItem : oldItems.values()) {
            OrderLineItem newItem = newItems.get(oldItem.lineItemNumber());
            if (newItem == null) {
                differences.add(lineLevel(ChangeKind.LINE_ITEM_REMOVED, oldItem.lineItemNumber(),
                        Optional.of(oldItem.offerId().value()), Optional.empty()));
                continue;
            }
            if (oldItem.quantity() != newItem.quantity()) {
                differences.add(lineLevel(ChangeKind.QUANTITY_CHANGED, oldItem.lineItemNumber(),
                        Optional.of(Integer.toString(oldItem.quantity())), Optional.of(Integer.toString(newItem.quantity()))));
            }
            Optional<Amount> oldPrice = oldItem.pricing().flatMap(Pricing::effectiveUnitPrice);
            Optional<Amount> newPrice = newItem.pricing().flatMap(Pricing::effectiveUnitPrice);
            if (!oldPrice.equals(newPrice)) {
                differences.add(lineLevel(ChangeKind.PRICE_CHANGED, oldItem.lineItemNumber(),
                        oldPrice.map(Amount::toString), newPrice.map(Amount::toString)));
            }
        }
        for (OrderLineItem newItem : newItems.values()) {
            if (!oldItems.containsKey(newItem.lineItemNumber())) {
                differences.add(lineLevel(ChangeKind.LINE_ITEM_ADDED, newItem.lineItemNumber(),
                        Optional.empty(), Optional.of(newItem.offerId().value())));
            }
        }
        if (differences.isEmpty() && !withoutEtag(before).equals(withoutEtag(after))) {
            differences.add(new OrderDifference(ChangeKind.DETAILS_CHANGED, OptionalInt.empty(), Optional.empty(), Optional.empty()));
        }
        return List.copyOf(differences);
    }

    private static Order withoutEtag(Order order) {
        return order.toBuilder()
                .attributes(new ResourceAttributes(Optional.empty(), order.attributes().objectType()))
                .build();
    }

    private static Map<Integer, OrderLineItem> byNumber(Order order) {
        return order.lineItems().stream().collect(Collectors.toMap(
                OrderLineItem::lineItemNumber, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    private static OrderDifference orderLevel(ChangeKind kind, Optional<?> before, Optional<?> after) {
        return new OrderDifference(kind, OptionalInt.empty(), before.map(Object::toString), after.map(Object::toString));
    }

    private static OrderDifference lineLevel(ChangeKind kind, int number, Optional<String> before, Optional<String> after) {
        return new OrderDifference(kind, OptionalInt.of(number), before, after);
    }
}
