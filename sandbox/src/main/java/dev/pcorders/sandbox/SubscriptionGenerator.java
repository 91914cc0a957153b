package dev.pcorders.sandbox;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes each customer's subscriptions from its orders: every line item that names a {@code subscriptionId} is a
 * subscription with the line's offer, quantity and term, the order's billing cycle, id and creation date. Like the
 * orders, a pure function of the seed; the planted cases ({@link PlantedSubscriptions}) are chosen once, from the
 * first orders of the first customers, so choosing them costs little whatever the data set's size.
 */
final class SubscriptionGenerator {

    /** How many orders of a customer are looked at for planted cases. */
    private static final int PLANT_SCAN_ORDERS = 256;
    private static final DateTimeFormatter SECONDS_UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
    private static final String STATUS_ACTIVE = "active";
    static final String STATUS_SUSPENDED = "suspended";

    private final OrderGenerator generator;
    private final int ordersPerCustomer;
    private final PlantedSubscriptions planted;

    SubscriptionGenerator(OrderGenerator generator, int ordersPerCustomer) {
        this.generator = generator;
        this.ordersPerCustomer = ordersPerCustomer;
        this.planted = choosePlanted();
    }

    PlantedSubscriptions planted() {
        return planted;
    }

    /** Where a planted case's line item is: {customer, order, line}, in {@link PlantedSubscription.Kind} order. */
    private final List<int[]> plantedPositions = new ArrayList<>();

    /** True when the line item is the one behind a planted case of {@code kind}. */
    boolean isPlanted(PlantedSubscription.Kind kind, int customerIndex, int orderIndex, int lineNumber) {
        for (int k = 0; k < planted.all().size(); k++) {
            int[] at = plantedPositions.get(k);
            if (planted.all().get(k).kind() == kind && at[0] == customerIndex && at[1] == orderIndex
                    && at[2] == lineNumber) {
                return true;
            }
        }
        return false;
    }

    /** True when the line item is behind any planted case. */
    boolean isPlanted(int customerIndex, int orderIndex, int lineNumber) {
        for (int[] at : plantedPositions) {
            if (at[0] == customerIndex && at[1] == orderIndex && at[2] == lineNumber) {
                return true;
            }
        }
        return false;
    }

    private PlantedSubscriptions choosePlanted() {
        List<PlantedSubscription> chosen = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        List<SandboxCustomer> customers = generator.customers();
        PlantedSubscription.Kind[] kinds = PlantedSubscription.Kind.values();
        for (int k = 0; k < kinds.length; k++) {
            SplittableRandom random = Seeds.random(generator.seed(), Seeds.SUBSCRIPTION, k, 0);
            for (int tried = 0; tried < customers.size(); tried++) {
                int customerIndex = (k + tried) % customers.size();
                List<int[]> candidates = new ArrayList<>();
                int scan = Math.min(ordersPerCustomer, PLANT_SCAN_ORDERS);
                // Order 0 is left alone: its first line keeps every customer in the export's ledger.
                for (int i = 1; i < scan; i++) {
                    GeneratedOrder order = generator.order(customerIndex, i);
                    if (!"completed".equals(order.status()) || order.isSystemPurchase()) {
                        continue;
                    }
                    for (GeneratedOrder.LineItem item : order.lineItems()) {
                        if (item.catalogOffer().isPresent() && item.catalogOffer().get().kind() == OfferCatalog.Kind.SEAT
                                && item.subscriptionId().isPresent() && !taken.contains(item.subscriptionId().get())) {
                            candidates.add(new int[] {customerIndex, i, item.number()});
                        }
                    }
                }
                if (candidates.isEmpty()) {
                    continue;
                }
                int[] at = candidates.get(random.nextInt(candidates.size()));
                GeneratedOrder order = generator.order(at[0], at[1]);
                GeneratedOrder.LineItem item = order.lineItems().get(at[2]);
                String subscriptionId = item.subscriptionId().get();
                taken.add(subscriptionId);
                plantedPositions.add(at);
                int ordered = item.quantity();
                switch (kinds[k]) {
                    case NOT_BILLED:
                        chosen.add(new PlantedSubscription(kinds[k], order.customerId(), subscriptionId, order.id(),
                                item.offerId(), STATUS_ACTIVE, ordered, 0));
                        break;
                    case SUSPENDED_BUT_BILLED:
                        chosen.add(new PlantedSubscription(kinds[k], order.customerId(), subscriptionId, order.id(),
                                item.offerId(), STATUS_SUSPENDED, ordered, ordered));
                        break;
                    default:
                        // Seats added after the order, never billed: the export bills the ordered quantity.
                        chosen.add(new PlantedSubscription(kinds[k], order.customerId(), subscriptionId, order.id(),
                                item.offerId(), STATUS_ACTIVE, ordered + 1 + random.nextInt(5), ordered));
                        break;
                }
                break;
            }
        }
        return new PlantedSubscriptions(chosen);
    }

    /** The subscriptions the order's line items created, in line order. */
    List<GeneratedSubscription> subscriptions(GeneratedOrder order, SandboxCustomer customer) {
        List<GeneratedSubscription> made = new ArrayList<>(order.lineItems().size());
        for (GeneratedOrder.LineItem item : order.lineItems()) {
            if (item.subscriptionId().isEmpty()) {
                continue;
            }
            SplittableRandom random = Seeds.random(generator.seed(), Seeds.SUBSCRIPTION, order.customerIndex() + 1L,
                    ((long) order.orderIndex() << 8) | item.number());
            String id = item.subscriptionId().get();
            Optional<PlantedSubscription> plantedCase = planted.bySubscriptionId(id);
            String status = plantedCase.map(PlantedSubscription::status).orElseGet(() -> status(order));
            int quantity = plantedCase.map(PlantedSubscription::subscriptionQuantity).orElse(item.quantity());
            OffsetDateTime created = OffsetDateTime.parse(order.creationDate());
            LocalDate start = order.creationDay();
            String term = item.termDuration().filter(text -> !text.isEmpty()).orElse("P1Y");
            LocalDate end = InvoiceRows.termEnd(start, term);
            boolean autoRenew = item.renewsTo().isPresent() || random.nextInt(10) < 7;
            String entitlement = Seeds.guid(random);
            String offerName = item.catalogOffer().map(OfferCatalog.Offer::productName).orElse("Legacy offer");
            made.add(new GeneratedSubscription(id, order.customerId(), item.offerId(), item.catalogOffer(), offerName,
                    item.friendlyName(), quantity, status, autoRenew && !"deleted".equals(status),
                    order.cycle().wireName(), item.termDuration(), order.creationDate(),
                    start + "T00:00:00Z", end + "T00:00:00Z", order.id(), entitlement,
                    SECONDS_UTC.format(created.plusDays(7).withOffsetSameInstant(ZoneOffset.UTC)),
                    customer.country()));
        }
        return made;
    }

    private static String status(GeneratedOrder order) {
        if (order.isCancelled()) {
            return "deleted";
        }
        return "pending".equals(order.status().toLowerCase(Locale.ROOT)) ? "pending" : STATUS_ACTIVE;
    }
}
