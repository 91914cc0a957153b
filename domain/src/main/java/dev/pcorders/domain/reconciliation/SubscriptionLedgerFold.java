package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.reconciliation.SubscriptionIndex.IndexedSubscription;
import dev.pcorders.domain.reconciliation.SubscriptionIndex.Key;
import dev.pcorders.domain.shared.CustomerId;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger side of the subscription check, folded in as the ledger streams by: a partner ledger row naming a
 * subscription adds its quantity to that cached subscription, or to the subscription id the customer's cache does not
 * hold, and is dropped. Rows are taken whatever the creation window: a subscription's seats are bought over all its
 * orders. Rows of an invoice reconciliation export (those with a charge type) are left out although they name
 * subscriptions: they bill every renewal and cycle again, so their quantities do not add up to seats.
 * Unknown ids are kept only for customers with cached subscriptions (each is a discrepancy, so that part grows with
 * the report); of the other customers only the fact that their rows name subscriptions is kept.
 */
final class SubscriptionLedgerFold {

    /** Ledger rows naming a subscription id the customer's cached subscriptions do not hold, summed by id. */
    static final class UnknownSubscription extends LedgerSide {
        final CustomerId customer;
        /** The id as the first row spelled it. */
        final String id;
        final OfferId offerId;
        final String reference;

        UnknownSubscription(LedgerRow first, String id) {
            this.customer = first.customer();
            this.id = id;
            this.offerId = first.offerId();
            this.reference = first.orderReference().strip();
        }
    }

    private final SubscriptionIndex index;
    private final Map<Key, UnknownSubscription> unknown = new LinkedHashMap<>();
    private final Set<CustomerId> customersNamingSubscriptions = new HashSet<>();
    private final Set<CustomerId> customersBilled = new HashSet<>();
    private CustomerId lastBilled;

    SubscriptionLedgerFold(SubscriptionIndex index) {
        this.index = index;
    }

    void add(LedgerRow row) {
        // Row after row names the same customer, often the same instance: that one is in the set already.
        if (row.customer() != lastBilled) {
            customersBilled.add(row.customer());
            lastBilled = row.customer();
        }
        if (row.chargeType().isPresent()) {
            return;
        }
        Optional<String> named = row.subscriptionId().map(String::strip).filter(id -> !id.isEmpty());
        if (named.isEmpty()) {
            return;
        }
        customersNamingSubscriptions.add(row.customer());
        Key key = Key.of(row.customer(), named.get());
        IndexedSubscription subscription = index.find(key);
        if (subscription != null) {
            subscription.addRow(row);
            if (subscription.ledgerReference == null) {
                subscription.ledgerReference = row.orderReference().strip();
            }
        } else if (index.hasCustomer(row.customer())) {
            unknown.computeIfAbsent(key, k -> new UnknownSubscription(row, named.get())).addRow(row);
        }
    }

    /** Billed subscription ids the cache does not hold, of customers with cached subscriptions. */
    Collection<UnknownSubscription> unknown() {
        return unknown.values();
    }

    /** The customers with at least one partner ledger row naming a subscription. */
    Set<CustomerId> customersNamingSubscriptions() {
        return Collections.unmodifiableSet(customersNamingSubscriptions);
    }

    /** The customers with at least one row read. */
    Set<CustomerId> customersBilled() {
        return Collections.unmodifiableSet(customersBilled);
    }
}
