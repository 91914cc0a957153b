package dev.pcorders.application.subscription.port.out;

import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionCriteria;
import dev.pcorders.domain.subscription.SubscriptionId;
import java.util.List;
import java.util.function.Consumer;

/**
 * The read side of the subscription cache: one current view of each (customer, subscription id). Every method may
 * throw {@link StoreException}; no driver exception crosses this port.
 */
public interface CachedSubscriptionReader {

    /** Cached subscriptions matching {@code criteria}, ordered by (creationDate, id), {@code limit} from {@code offset}. */
    List<Subscription> findSubscriptions(SubscriptionCriteria criteria, long offset, int limit);

    /**
     * Hands every cached subscription matching {@code criteria} to {@code action}, in the order of
     * {@link #findSubscriptions}, all from one committed state of the cache (one read transaction). An exception
     * from {@code action} stops the reading and propagates as thrown.
     */
    void forEachSubscription(SubscriptionCriteria criteria, Consumer<Subscription> action);

    /** How many cached subscriptions match {@code criteria}. */
    long countSubscriptions(SubscriptionCriteria criteria);

    /** The cached subscriptions with this id (normally one; ids are only promised unique per customer). */
    List<Subscription> findSubscriptionsById(SubscriptionId id);
}
