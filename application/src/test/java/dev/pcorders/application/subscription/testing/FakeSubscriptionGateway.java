package dev.pcorders.application.subscription.testing;

import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.subscription.port.out.SubscriptionGateway;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ScopedQuery;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A {@link SubscriptionGateway} answering from a script: per customer, the pages to serve and optionally a failure
 * raised when the consumer asks for the page after them. Records every query. A customer without a script has none.
 */
public final class FakeSubscriptionGateway implements SubscriptionGateway {

    private record Script(List<Page<Subscription>> pages, PartnerCenterException failureAfterPages) {
    }

    private final Map<CustomerId, Script> scripts = new HashMap<>();
    private final List<ScopedQuery<SubscriptionScope>> queries = new ArrayList<>();

    @SafeVarargs
    public final synchronized FakeSubscriptionGateway serve(CustomerId customer, Page<Subscription>... pages) {
        scripts.put(customer, new Script(List.of(pages), null));
        return this;
    }

    /** Serves {@code pages}, then fails with {@code failure} instead of the next page. */
    @SafeVarargs
    public final synchronized FakeSubscriptionGateway failAfter(CustomerId customer, PartnerCenterException failure,
                                                                Page<Subscription>... pages) {
        scripts.put(customer, new Script(List.of(pages), Objects.requireNonNull(failure)));
        return this;
    }

    public synchronized List<ScopedQuery<SubscriptionScope>> queries() {
        return List.copyOf(queries);
    }

    @Override
    public synchronized Stream<Page<Subscription>> fetchPages(ScopedQuery<SubscriptionScope> query) {
        queries.add(query);
        Script script = scripts.getOrDefault(query.scope().customer(), new Script(List.of(), null));
        Stream<Page<Subscription>> served = script.pages().stream();
        if (script.failureAfterPages() == null) {
            return served;
        }
        // Lazily evaluated, as a real gateway's failing next-page request would surface.
        Stream<Page<Subscription>> failing = Stream.of(0).map(ignored -> {
            throw script.failureAfterPages();
        });
        return Stream.concat(served, failing);
    }
}
