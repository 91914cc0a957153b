package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The cached side of the subscription check: each cached subscription of the reconciled customers, keyed by
 * (customer, subscription id), with what the report shows of it and, once the ledger streams by, the seats the
 * ledger gave it.
 */
final class SubscriptionIndex {

    /**
     * A subscription id compared without its case: Partner Center's subscription ids are GUIDs, which are
     * case-insensitive, and a ledger typed or exported elsewhere may spell them in upper case.
     */
    record Key(CustomerId customer, String subscriptionKey) {

        static Key of(CustomerId customer, String subscriptionId) {
            return new Key(customer, subscriptionId.strip().toLowerCase(Locale.ROOT));
        }
    }

    /** One cached subscription: only what the check compares and the report names. */
    static final class IndexedSubscription extends LedgerSide {
        final CustomerId customer;
        final String id;
        final OfferId offerId;
        final Coded<SubscriptionStatus> status;
        final int quantity;
        /** The order that created it, or null: the reference a discrepancy names when no ledger row does. */
        final OrderId orderId;
        /** What the first ledger row naming it called the order; null until one does. */
        String ledgerReference;

        IndexedSubscription(Subscription subscription, CustomerId customer, OfferId offerId) {
            this.customer = customer;
            this.id = subscription.id().value();
            this.offerId = offerId;
            this.status = subscription.status();
            this.quantity = subscription.quantity();
            this.orderId = subscription.orderId().orElse(null);
        }
    }

    private final Map<Key, IndexedSubscription> byKey = new HashMap<>();
    private final List<IndexedSubscription> subscriptions = new ArrayList<>();
    // Customers and offers repeat across subscriptions: one instance of each serves them all.
    private final Map<CustomerId, CustomerId> customers = new HashMap<>();
    private final Map<String, OfferId> offers = new HashMap<>();

    void add(Subscription subscription) {
        CustomerId customer = customers.computeIfAbsent(subscription.customer(), c -> c);
        Key key = Key.of(customer, subscription.id().value());
        if (byKey.containsKey(key)) {
            return; // the cache holds one view per (customer, id); ids differing only in case are one GUID
        }
        IndexedSubscription indexed = new IndexedSubscription(subscription, customer,
                offers.computeIfAbsent(subscription.offerId(), OfferId::parse));
        byKey.put(key, indexed);
        subscriptions.add(indexed);
    }

    /** The cached subscription the ledger names, or null. */
    IndexedSubscription find(Key key) {
        return byKey.get(key);
    }

    /** Whether any subscription of the customer is cached. */
    boolean hasCustomer(CustomerId customer) {
        return customers.containsKey(customer);
    }

    /** Forgets every subscription of a customer not in {@code kept}; see {@link CachedOrderIndex#retainCustomers}. */
    void retainCustomers(Set<CustomerId> kept) {
        subscriptions.removeIf(subscription -> !kept.contains(subscription.customer));
        byKey.keySet().removeIf(key -> !kept.contains(key.customer()));
        customers.keySet().retainAll(kept);
    }

    Set<CustomerId> customers() {
        return Collections.unmodifiableSet(customers.keySet());
    }

    /** The cached subscriptions, in the order they were added. */
    List<IndexedSubscription> subscriptions() {
        return Collections.unmodifiableList(subscriptions);
    }
}
