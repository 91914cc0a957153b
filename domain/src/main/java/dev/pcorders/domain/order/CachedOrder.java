package dev.pcorders.domain.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The cache's one current view of an order: the order as last sent, with the prices of the latest sync that
 * asked for them. {@code pricesAsOf} is when those prices were fetched (the start of that sync), absent when
 * the order carries no price.
 *
 * <p>Partner Center leaves prices out unless asked ({@code include_price}), so a sync without prices says
 * nothing about them: it keeps the ones an earlier priced sync brought instead of erasing them.
 */
public record CachedOrder(Order order, Optional<Instant> pricesAsOf) {

    public CachedOrder {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(pricesAsOf, "pricesAsOf");
    }

    /**
     * The view after a sync that started at {@code syncStarted} sent {@code sent}. A priced sync's prices are
     * the prices as of that sync. A sync without prices keeps, where it sent none and the currency is the same,
     * each line's pricing from {@code previous} for the same line number, offer and quantity, and the order's
     * total while all its lines are those same purchases; and it keeps the time those prices were fetched. A
     * line that changed (another offer, a seat change) has no price until the next priced sync: an old figure
     * for it would be one Partner Center never sent.
     */
    public static CachedOrder afterSync(Order sent, boolean pricesRequested, Instant syncStarted, Optional<CachedOrder> previous) {
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(syncStarted, "syncStarted");
        Objects.requireNonNull(previous, "previous");
        if (pricesRequested) {
            return new CachedOrder(sent, hasPrices(sent) ? Optional.of(syncStarted) : Optional.empty());
        }
        Optional<Order> earlier = previous.map(CachedOrder::order).filter(CachedOrder::hasPrices);
        if (earlier.isEmpty()) {
            // Prices sent unasked are still the service's word as of this sync.
            return new CachedOrder(sent, hasPrices(sent) ? Optional.of(syncStarted) : Optional.empty());
        }
        Order before = earlier.get();
        if (!sent.currencyCode().equals(before.currencyCode())) {
            // Prices in another currency say nothing about this order's.
            return new CachedOrder(sent, hasPrices(sent) ? Optional.of(syncStarted) : Optional.empty());
        }
        boolean carried = false;
        Order.Builder merged = sent.toBuilder();
        if (sent.totalPrice().isEmpty() && before.totalPrice().isPresent() && sameLines(sent, before)) {
            merged.totalPrice(before.totalPrice().get());
            carried = true;
        }
        List<OrderLineItem> lines = new ArrayList<>(sent.lineItems().size());
        for (OrderLineItem line : sent.lineItems()) {
            Optional<Pricing> earlierPricing = line.pricing().isPresent() ? Optional.empty()
                    : before.lineItem(line.lineItemNumber())
                            .filter(old -> samePurchase(old, line))
                            .flatMap(OrderLineItem::pricing);
            if (earlierPricing.isPresent()) {
                lines.add(line.toBuilder().pricing(earlierPricing.get()).build());
                carried = true;
            } else {
                lines.add(line);
            }
        }
        if (!carried) {
            return new CachedOrder(sent, hasPrices(sent) ? Optional.of(syncStarted) : Optional.empty());
        }
        return new CachedOrder(merged.lineItems(lines).build(), previous.flatMap(CachedOrder::pricesAsOf));
    }

    /**
     * A line's earlier pricing holds for the same offer in the same quantity: its extended price is quantity
     * times its price, so after a seat change it would be a figure Partner Center never sent.
     */
    private static boolean samePurchase(OrderLineItem earlier, OrderLineItem now) {
        return earlier.offerId().matchKey().equals(now.offerId().matchKey()) && earlier.quantity() == now.quantity();
    }

    /** The order's total holds while every line is the same purchase, none added or gone. */
    private static boolean sameLines(Order now, Order earlier) {
        if (now.lineItems().size() != earlier.lineItems().size()) {
            return false;
        }
        for (OrderLineItem line : now.lineItems()) {
            if (earlier.lineItem(line.lineItemNumber()).filter(old -> samePurchase(old, line)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the order has a total or any line with pricing. */
    public static boolean hasPrices(Order order) {
        return order.totalPrice().isPresent() || order.lineItems().stream().anyMatch(line -> line.pricing().isPresent());
    }
}
