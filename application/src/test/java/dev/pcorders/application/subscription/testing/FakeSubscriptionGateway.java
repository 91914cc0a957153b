package dev.pcorders.application.subscription.testing;

import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.testing.FakePageSource;
import dev.pcorders.application.subscription.port.out.SubscriptionGateway;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ScopedQuery;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionScope;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@link SubscriptionGateway} answering from a script, as {@link FakePageSource} does. A wrapper rather than a
 * subclass so that {@code serve} and {@code failAfter} return the gateway type tests pass on as a
 * {@link SubscriptionGateway}.
 */
public final class FakeSubscriptionGateway implements SubscriptionGateway {

    private final FakePageSource<SubscriptionScope, Subscription> source = new FakePageSource<>();

    @SafeVarargs
    public final FakeSubscriptionGateway serve(CustomerId customer, Page<Subscription>... pages) {
        source.serve(customer, pages);
        return this;
    }

    /** Serves {@code pages}, then fails with {@code failure} instead of the next page. */
    @SafeVarargs
    public final FakeSubscriptionGateway failAfter(CustomerId customer, PartnerCenterException failure,
                                                   Page<Subscription>... pages) {
        source.failAfter(customer, failure, pages);
        return this;
    }

    public List<ScopedQuery<SubscriptionScope>> queries() {
        return source.queries();
    }

    @Override
    public Stream<Page<Subscription>> fetchPages(ScopedQuery<SubscriptionScope> query) {
        return source.fetchPages(query);
    }
}
