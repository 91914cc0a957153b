package dev.pcorders.sandbox;

import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The discrepancies planted in a ledger file (an invoice reconciliation export or a partner ledger): which lines to
 * spoil, chosen from the seed before anything is written, the rows of orders Partner Center does not have, and what
 * was planted where.
 */
final class PlantedDiscrepancies {

    private static final DiscrepancyKind[] LINE_KINDS = {
        DiscrepancyKind.MISSING_IN_LEDGER, DiscrepancyKind.QUANTITY_MISMATCH,
        DiscrepancyKind.PRICE_MISMATCH, DiscrepancyKind.CURRENCY_MISMATCH,
    };

    private final OrderGenerator generator;
    private final int ordersPerCustomer;
    private final ReconciliationPlan plan;
    private final Optional<SubscriptionGenerator> subscriptionCases;
    private final Map<Long, DiscrepancyKind> plantedLines = new HashMap<>();
    private final List<Integer> customersInLedger = new ArrayList<>();
    private final List<PlantedDiscrepancy> planted = new ArrayList<>();

    /**
     * @param subscriptionCases the data set's subscriptions when the plan honours their planted cases: their lines are
     *                          kept from the order-level picks, and the not-billed one's line is left out of the file
     */
    PlantedDiscrepancies(OrderGenerator generator, int ordersPerCustomer, ReconciliationPlan plan,
                         Optional<SubscriptionGenerator> subscriptionCases) {
        this.generator = generator;
        this.ordersPerCustomer = ordersPerCustomer;
        this.plan = plan;
        this.subscriptionCases = subscriptionCases;
    }

    private static long position(int customer, int order, int lineItem) {
        return ((long) customer << 40) | ((long) order << 8) | lineItem;
    }

    /**
     * Picks the lines to spoil, from the seed, before anything is written: a line gets at most one kind, and only a
     * {@code spoilable} one gets any.
     */
    void chooseLines(Predicate<GeneratedOrder> inScope, Predicate<GeneratedOrder.LineItem> spoilable) {
        long[] billable = new long[64];
        int billableCount = 0;
        long[] cancelled = new long[16];
        int cancelledCount = 0;
        for (SandboxCustomer customer : generator.customers()) {
            boolean first = true;
            for (int i = 0; i < ordersPerCustomer; i++) {
                GeneratedOrder order = generator.order(customer.index(), i);
                if (!inScope.test(order)) {
                    continue;
                }
                for (GeneratedOrder.LineItem item : order.lineItems()) {
                    long at = position(customer.index(), i, item.number());
                    if (order.isCancelled()) {
                        if (item.catalogOffer().isPresent() && spoilable.test(item)) {
                            if (cancelledCount == cancelled.length) {
                                cancelled = Arrays.copyOf(cancelled, cancelledCount * 2);
                            }
                            cancelled[cancelledCount++] = at;
                        }
                    } else if (first) {
                        // Left alone, so every customer keeps a purchase row and stays in the reconciliation.
                        first = false;
                        customersInLedger.add(customer.index());
                    } else if (spoilable.test(item) && (subscriptionCases.isEmpty()
                            || !subscriptionCases.get().isPlanted(customer.index(), i, item.number()))) {
                        if (billableCount == billable.length) {
                            billable = Arrays.copyOf(billable, billableCount * 2);
                        }
                        billable[billableCount++] = at;
                    }
                }
            }
        }
        SplittableRandom random = Seeds.random(generator.seed(), Seeds.RECONCILIATION, plan.perKind(), 0);
        int picks = (int) Math.min((long) plan.perKind() * LINE_KINDS.length, billableCount);
        for (int p = 0; p < picks; p++) {
            int chosen = p + random.nextInt(billableCount - p);
            long swap = billable[p];
            billable[p] = billable[chosen];
            billable[chosen] = swap;
            plantedLines.put(billable[p], LINE_KINDS[p % LINE_KINDS.length]);
        }
        int cancelledPicks = Math.min(plan.perKind(), cancelledCount);
        for (int p = 0; p < cancelledPicks; p++) {
            int chosen = p + random.nextInt(cancelledCount - p);
            long swap = cancelled[p];
            cancelled[p] = cancelled[chosen];
            cancelled[chosen] = swap;
            plantedLines.put(cancelled[p], DiscrepancyKind.BILLED_BUT_CANCELLED);
        }
        if (subscriptionCases.isPresent()) {
            SubscriptionGenerator subscriptions = subscriptionCases.get();
            subscriptions.planted().notBilled().ifPresent(notBilled -> {
                for (SandboxCustomer customer : generator.customers()) {
                    if (!customer.id().equals(notBilled.customerId())) {
                        continue;
                    }
                    for (int i = 0; i < ordersPerCustomer; i++) {
                        GeneratedOrder order = generator.order(customer.index(), i);
                        if (!order.id().equals(notBilled.orderId())) {
                            continue;
                        }
                        for (GeneratedOrder.LineItem item : order.lineItems()) {
                            if (subscriptions.isPlanted(PlantedSubscription.Kind.NOT_BILLED, customer.index(), i,
                                    item.number())) {
                                plantedLines.put(position(customer.index(), i, item.number()),
                                        DiscrepancyKind.MISSING_IN_LEDGER);
                            }
                        }
                        return;
                    }
                }
            });
        }
    }

    /** The kind chosen for the line item, or null when it is left alone. */
    DiscrepancyKind kindOf(GeneratedOrder order, GeneratedOrder.LineItem item) {
        return plantedLines.get(position(order.customerIndex(), order.orderIndex(), item.number()));
    }

    void plant(DiscrepancyKind kind, GeneratedOrder order, String reference, GeneratedOrder.LineItem item,
               Optional<Long> at, Optional<String> expected, Optional<String> actual) {
        planted.add(new PlantedDiscrepancy(kind, order.customerId(), reference, Optional.of(order.id()),
                item.offerId(), at, expected, actual));
    }

    void writeMissingInPartnerCenter(LedgerLayout rows) {
        if (customersInLedger.isEmpty()) {
            return;
        }
        SplittableRandom random = Seeds.random(generator.seed(), Seeds.RECONCILIATION, plan.perKind(), 1);
        for (int n = 0; n < plan.perKind(); n++) {
            SandboxCustomer customer = generator.customers().get(customersInLedger.get(n % customersInLedger.size()));
            // An order id no generated order has: ids come from independent streams of 33 random characters.
            String reference = Seeds.orderId(random);
            OfferCatalog.Offer offer = OfferCatalog.get(random.nextInt(OfferCatalog.size()));
            int quantity = 1 + random.nextInt(20);
            BigDecimal price = offer.monthlyUsd().setScale(4, RoundingMode.HALF_EVEN);
            long at = rows.writeUnknownOrderRow(customer, reference, offer, quantity, price, customer.currencyCode(),
                    Seeds.guid(random));
            planted.add(new PlantedDiscrepancy(DiscrepancyKind.MISSING_IN_PARTNER_CENTER, customer.id(), reference,
                    Optional.empty(), offer.offerId(), Optional.of(at), Optional.of(Integer.toString(quantity)),
                    Optional.empty()));
        }
    }

    List<PlantedDiscrepancy> planted() {
        return planted;
    }
}
