package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.reconciliation.SubscriptionIndex.IndexedSubscription;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.subscription.SubscriptionStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Closes the subscription check: decides which customers it applies to (see {@link SubscriptionCheck}) and, for
 * theirs, which cached subscriptions and billed subscription ids are discrepancies, of which kind.
 */
final class SubscriptionDiscrepancyFinder {

    /** The subscription-level discrepancies, sorted by customer, subscription id and kind, and whom they cover. */
    record Found(List<Discrepancy> discrepancies, SubscriptionCheck check) {
    }

    /**
     * @param otherCustomers customers the reconciliation saw besides those of the subscriptions and ledger rows
     *                       (those of its cached orders), so a customer with orders only is named in the note too
     */
    Found find(SubscriptionIndex index, SubscriptionLedgerFold ledger, Set<CustomerId> otherCustomers) {
        Set<CustomerId> cached = index.customers();
        Set<CustomerId> named = ledger.customersNamingSubscriptions();
        if (cached.isEmpty()) {
            return new Found(List.of(), SubscriptionCheck.NOT_IN_PLAY);
        }
        Set<CustomerId> seen = new HashSet<>(otherCustomers);
        seen.addAll(ledger.customersBilled());
        seen.addAll(cached);
        List<CustomerId> checked = sorted(cached.stream().filter(named::contains).toList());
        List<CustomerId> withoutCached = sorted(seen.stream().filter(customer -> !cached.contains(customer)).toList());
        List<CustomerId> withoutInLedger = sorted(cached.stream().filter(customer -> !named.contains(customer)).toList());

        List<Discrepancy> discrepancies = new ArrayList<>();
        for (IndexedSubscription subscription : index.subscriptions()) {
            if (!named.contains(subscription.customer)) {
                continue;
            }
            SubscriptionStatus status = subscription.status.known();
            if (status == SubscriptionStatus.ACTIVE) {
                if (!subscription.billed()) {
                    discrepancies.add(discrepancy(DiscrepancyKind.SUBSCRIPTION_NOT_BILLED, subscription, Optional.empty(),
                            Optional.of(Integer.toString(subscription.quantity)),
                            "active in Partner Center but no ledger row names the subscription"));
                } else if (subscription.ledgerQuantity != subscription.quantity) {
                    discrepancies.add(discrepancy(DiscrepancyKind.SEAT_COUNT_MISMATCH, subscription,
                            Optional.of(Long.toString(subscription.ledgerQuantity)),
                            Optional.of(Integer.toString(subscription.quantity)),
                            "the ledger's quantities for the subscription add up to another number than its seats"));
                }
            } else if (isNotActive(status) && subscription.billed()) {
                discrepancies.add(discrepancy(DiscrepancyKind.BILLED_SUBSCRIPTION_NOT_ACTIVE, subscription,
                        Optional.of("billed"), Optional.of(subscription.status.raw()),
                        "billed although the subscription is " + subscription.status.raw()));
            }
        }
        for (SubscriptionLedgerFold.UnknownSubscription unknown : ledger.unknown()) {
            discrepancies.add(new Discrepancy(DiscrepancyKind.BILLED_SUBSCRIPTION_NOT_ACTIVE, unknown.customer,
                    unknown.reference, Optional.empty(), Optional.empty(), unknown.offerId, unknown.keptLines(),
                    unknown.ledgerRows, Optional.of("billed"), Optional.empty(),
                    "billed but the customer's cached subscriptions do not hold this subscription id",
                    Optional.of(new SubscriptionDetail(unknown.id, Optional.empty(), Optional.empty(), unknown.ledgerQuantity))));
        }
        discrepancies.sort(Comparator.comparing((Discrepancy d) -> d.customer().toString())
                .thenComparing(d -> d.subscription().orElseThrow().subscriptionId().toLowerCase(Locale.ROOT))
                .thenComparing(Discrepancy::kind));
        return new Found(discrepancies, new SubscriptionCheck(checked, withoutCached, withoutInLedger));
    }

    /**
     * Statuses under which nothing should be billed. {@code pending} (still being provisioned) and a status this build
     * does not recognise are neither active nor not: such a subscription is not reported either way.
     */
    private static boolean isNotActive(SubscriptionStatus status) {
        return status == SubscriptionStatus.SUSPENDED || status == SubscriptionStatus.DISABLED
                || status == SubscriptionStatus.DELETED || status == SubscriptionStatus.EXPIRED;
    }

    private static List<CustomerId> sorted(List<CustomerId> customers) {
        return customers.stream().sorted(Comparator.comparing(CustomerId::toString)).toList();
    }

    private static Discrepancy discrepancy(DiscrepancyKind kind, IndexedSubscription subscription, Optional<String> expected,
                                           Optional<String> actual, String message) {
        String reference = subscription.ledgerReference != null ? subscription.ledgerReference
                : subscription.orderId != null ? subscription.orderId.value() : "";
        return new Discrepancy(kind, subscription.customer, reference, Optional.ofNullable(subscription.orderId),
                Optional.empty(), subscription.offerId, subscription.keptLines(), subscription.ledgerRows, expected, actual,
                message, Optional.of(new SubscriptionDetail(subscription.id, Optional.of(subscription.status.raw()),
                        Optional.of((long) subscription.quantity), subscription.ledgerQuantity)));
    }
}
