package dev.pcorders.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * The planted subscription cases of a data set, one of each {@link PlantedSubscription.Kind} (fewer only when the
 * data set has too few eligible order lines: completed user-purchase orders after each customer's first, with a
 * seat offer). Chosen from the seed alone, so the same settings give the same cases.
 * <p>
 * The subscriptions endpoint always serves them (the suspended status and the drifted seat count are there whatever
 * export is written). The export honours them only when written with
 * {@link ReconciliationPlan#withSubscriptionCases(boolean) subscription cases}: then the not-billed subscription's
 * line has no row (also listed as an order-level MISSING_IN_LEDGER discrepancy), and no order-level discrepancy
 * touches the other two, so their lines are billed exactly as ordered.
 *
 * @param all the cases, in {@link PlantedSubscription.Kind} order
 */
public record PlantedSubscriptions(List<PlantedSubscription> all) {

    public PlantedSubscriptions {
        all = List.copyOf(all);
    }

    public Optional<PlantedSubscription> of(PlantedSubscription.Kind kind) {
        return all.stream().filter(planted -> planted.kind() == kind).findFirst();
    }

    public Optional<PlantedSubscription> notBilled() {
        return of(PlantedSubscription.Kind.NOT_BILLED);
    }

    public Optional<PlantedSubscription> suspendedButBilled() {
        return of(PlantedSubscription.Kind.SUSPENDED_BUT_BILLED);
    }

    public Optional<PlantedSubscription> seatDrift() {
        return of(PlantedSubscription.Kind.SEAT_DRIFT);
    }

    /** The planted case of this subscription id, in any case. */
    public Optional<PlantedSubscription> bySubscriptionId(String subscriptionId) {
        return all.stream().filter(planted -> planted.subscriptionId().equalsIgnoreCase(subscriptionId)).findFirst();
    }
}
