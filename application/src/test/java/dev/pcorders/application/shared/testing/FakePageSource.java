package dev.pcorders.application.shared.testing;

import dev.pcorders.application.shared.port.out.PageSource;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.CustomerScope;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ScopedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A {@link PageSource} of any resource answering from a script: per customer, the pages to serve and optionally a
 * failure raised when the consumer asks for the page after them. Records every query it was asked. A customer
 * without a script has no items.
 *
 * @param <S> the resource's scope
 * @param <T> the resource's item
 */
public final class FakePageSource<S extends CustomerScope, T> implements PageSource<S, T> {

    private record Script<T>(List<Page<T>> pages, PartnerCenterException failureAfterPages) {
    }

    private final Map<CustomerId, Script<T>> scripts = new HashMap<>();
    private final List<ScopedQuery<S>> queries = new ArrayList<>();

    @SafeVarargs
    public final synchronized FakePageSource<S, T> serve(CustomerId customer, Page<T>... pages) {
        scripts.put(customer, new Script<>(List.of(pages), null));
        return this;
    }

    /** Serves {@code pages}, then fails with {@code failure} instead of the next page. */
    @SafeVarargs
    public final synchronized FakePageSource<S, T> failAfter(CustomerId customer, PartnerCenterException failure,
                                                             Page<T>... pages) {
        scripts.put(customer, new Script<>(List.of(pages), Objects.requireNonNull(failure)));
        return this;
    }

    public synchronized List<ScopedQuery<S>> queries() {
        return List.copyOf(queries);
    }

    @Override
    public synchronized Stream<Page<T>> fetchPages(ScopedQuery<S> query) {
        queries.add(query);
        Script<T> script = scripts.getOrDefault(query.scope().customer(), new Script<>(List.of(), null));
        Stream<Page<T>> served = script.pages().stream();
        if (script.failureAfterPages() == null) {
            return served;
        }
        // A lazily evaluated failure, as a real gateway's failing next-page request would surface.
        Stream<Page<T>> failing = Stream.of(0).map(ignored -> {
            throw script.failureAfterPages();
        });
        return Stream.concat(served, failing);
    }
}
