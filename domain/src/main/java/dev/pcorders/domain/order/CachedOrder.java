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
     * the prices as of that sync; a sync without prices keeps the total and each line's pricing from
     * {@code previous} where it sent none, for the same line number and offer (a line that changed its offer
     * is another purchase, whose old price would be wrong), and keeps the time those prices were fetched.
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
        boolean carried = false;
        Order.Builder merged = sent.toBuilder();
        if (sent.totalPrice().isEmpty() && before.totalPrice().isPresent()
                && sent.currencyCode().equals(before.currencyCode())) {
            merged.totalPrice(before.totalPrice().get());
            carried = true;
        }
        List<OrderLineItem> lines = new ArrayList<>(sent.lineItems().size());
        for (OrderLineItem line : sent.lineItems()) {
            Optional<Pricing> earlierPricing = line.pricing().isPresent() ? Optional.empty()
                    : before.lineItem(line.lineItemNumber())
                            .filter(old -> old.offerId().matchKey().equals(line.offerId().matchKey()))
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

    /** Whether the order has a total or any line with pricing. */
    public static boolean hasPrices(Order order) {
        return order.totalPrice().isPresent() || order.lineItems().stream().anyMatch(line -> line.pricing().isPresent());
    }
}
