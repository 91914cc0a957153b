package dev.pcorders.application.order.testing;

import dev.pcorders.application.order.port.out.OrderGateway;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ScopedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * An {@link OrderGateway} answering from a script: per customer, the pages to serve and optionally a
 * failure raised when the consumer asks for the page after them. Records every query it was asked.
 * A customer without a script has no orders.
 */
public final class FakeOrderGateway implements OrderGateway {

    private record Script(List<Page<Order>> pages, PartnerCenterException failureAfterPages) {
    }

    private final Map<CustomerId, Script> scripts = new HashMap<>();
    private final List<ScopedQuery<OrderScope>> queries = new ArrayList<>();

    public synchronized FakeOrderGateway serve(CustomerId customer, Page<Order>... pages) {
        scripts.put(customer, new Script(List.of(pages), null));
        return this;
    }

    /** Serves {@code pages}, then fails with {@code failure} instead of the next page. */
    public synchronized FakeOrderGateway failAfter(CustomerId customer, PartnerCenterException failure, Page<Order>... pages) {
        scripts.put(customer, new Script(List.of(pages), Objects.requireNonNull(failure)));
        return this;
    }

    public synchronized List<ScopedQuery<OrderScope>> queries() {
        return List.copyOf(queries);
    }

    @Override
    public synchronized Stream<Page<Order>> fetchPages(ScopedQuery<OrderScope> query) {
        queries.add(query);
        Script script = scripts.getOrDefault(query.scope().customer(), new Script(List.of(), null));
        Stream<Page<Order>> served = script.pages().stream();
        if (script.failureAfterPages() == null) {
            return served;
        }
        // A lazily evaluated failure, as a real gateway's failing next-page request would surface.
        Stream<Page<Order>> failing = Stream.of(0).map(ignored -> {
            throw script.failureAfterPages();
        });
        return Stream.concat(served, failing);
    }
}
