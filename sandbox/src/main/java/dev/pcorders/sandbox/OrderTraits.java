package dev.pcorders.sandbox;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What the query filters look at, drawn first from an order's random stream so that filtering and
 * counting (totalCount comes before the items) cost a few draws per order, not a whole order.
 */
record OrderTraits(BillingCycleCode cycle, String status, String transactionType, Optional<String> resellerId,
                   boolean legacy) {

    static final String USER_PURCHASE = "UserPurchase";
    static final String SYSTEM_PURCHASE = "SystemPurchase";
    static final String SYSTEM_BILLING = "SystemBilling";
    /** A status none of the project's enums know: clients must keep it, not fail on it. */
    static final String UNKNOWN_STATUS = "failed";

    /**
     * The first orders of every customer show each interesting case at least once, whatever the seed:
     * every billing cycle, each status (the unknown one too), both kinds of system purchase, a reseller's
     * order and a cancelled legacy-offer order.
     */
    private static final OrderTraits[] SHOWCASE = {
        new OrderTraits(BillingCycleCode.MONTHLY, "completed", USER_PURCHASE, Optional.empty(), false),
        new OrderTraits(BillingCycleCode.ANNUAL, GeneratedOrder.STATUS_CANCELLED, USER_PURCHASE, Optional.empty(), false),
        new OrderTraits(BillingCycleCode.TRIENNIAL, UNKNOWN_STATUS, USER_PURCHASE, Optional.empty(), false),
        new OrderTraits(BillingCycleCode.ONE_TIME, "completed", SYSTEM_PURCHASE, Optional.empty(), false),
        new OrderTraits(BillingCycleCode.NONE, "pending", SYSTEM_BILLING, Optional.empty(), false),
        new OrderTraits(BillingCycleCode.BIENNIAL, "completed", USER_PURCHASE, Optional.of(""), false),
        new OrderTraits(BillingCycleCode.MONTHLY, "po_upload_complete", USER_PURCHASE, Optional.empty(), false),
        new OrderTraits(BillingCycleCode.ANNUAL, GeneratedOrder.STATUS_CANCELLED, USER_PURCHASE, Optional.empty(), true),
    };

    static OrderTraits draw(SplittableRandom random, int orderIndex, SandboxCustomer customer) {
        double cycleDraw = random.nextDouble();
        double statusDraw = random.nextDouble();
        double typeDraw = random.nextDouble();
        double resellerDraw = random.nextDouble();
        double legacyDraw = random.nextDouble();
        String reseller = customer.indirectResellerIds().get(random.nextInt(customer.indirectResellerIds().size()));
        if (orderIndex < SHOWCASE.length) {
            OrderTraits shown = SHOWCASE[orderIndex];
            return new OrderTraits(shown.cycle, shown.status, shown.transactionType,
                    shown.resellerId.map(any -> reseller), shown.legacy);
        }
        BillingCycleCode cycle = cycleDraw < 0.40 ? BillingCycleCode.MONTHLY
                : cycleDraw < 0.70 ? BillingCycleCode.ANNUAL
                : cycleDraw < 0.80 ? BillingCycleCode.ONE_TIME
                : cycleDraw < 0.88 ? BillingCycleCode.TRIENNIAL
                : cycleDraw < 0.94 ? BillingCycleCode.NONE
                : BillingCycleCode.BIENNIAL;
        String status = statusDraw < 0.75 ? "completed"
                : statusDraw < 0.85 ? "pending"
                : statusDraw < 0.93 ? GeneratedOrder.STATUS_CANCELLED
                : statusDraw < 0.96 ? "po_upload_complete"
                : UNKNOWN_STATUS;
        String type = typeDraw < 0.85 ? USER_PURCHASE : typeDraw < 0.93 ? SYSTEM_PURCHASE : SYSTEM_BILLING;
        Optional<String> resellerId = resellerDraw < 0.25 ? Optional.of(reseller) : Optional.empty();
        // Legacy (GUID) offers only on cancelled orders: the new-commerce invoice export has no columns for them,
        // and a cancelled order is never expected on an invoice, so reconciliation stays exact.
        boolean legacy = GeneratedOrder.STATUS_CANCELLED.equals(status) && legacyDraw < 0.3;
        return new OrderTraits(cycle, status, type, resellerId, legacy);
    }

    boolean isSystemPurchase() {
        return !USER_PURCHASE.equals(transactionType);
    }

    boolean matches(OrdersQuery query) {
        if (isSystemPurchase() && !query.includeSystemPurchases()) {
            return false;
        }
        if (query.billingCycleCode().isPresent() && query.billingCycleCode().getAsInt() != cycle.code()) {
            return false;
        }
        return query.indirectResellerId().isEmpty() || query.indirectResellerId().equals(resellerId);
    }
}
