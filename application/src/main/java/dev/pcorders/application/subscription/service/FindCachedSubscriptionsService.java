package dev.pcorders.application.subscription.service;

import dev.pcorders.application.subscription.port.in.CachedSubscriptions;
import dev.pcorders.application.subscription.port.in.CachedSubscriptionsQuery;
import dev.pcorders.application.subscription.port.in.FindCachedSubscriptionsUseCase;
import dev.pcorders.application.subscription.port.out.CachedSubscriptionReader;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionCriteria;
import java.util.Objects;
import java.util.function.Consumer;

public final class FindCachedSubscriptionsService implements FindCachedSubscriptionsUseCase {

    private final CachedSubscriptionReader reader;

    public FindCachedSubscriptionsService(CachedSubscriptionReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public CachedSubscriptions findCachedSubscriptions(CachedSubscriptionsQuery query) {
        Objects.requireNonNull(query, "query");
        return new CachedSubscriptions(reader.findSubscriptions(query.criteria(), query.offset(), query.limit()),
                reader.countSubscriptions(query.criteria()));
    }

    @Override
    public void forEachCachedSubscription(SubscriptionCriteria criteria, Consumer<Subscription> action) {
        reader.forEachSubscription(Objects.requireNonNull(criteria, "criteria"), Objects.requireNonNull(action, "action"));
    }
}
