package dev.pcorders.application.shared.port.out;

import dev.pcorders.domain.shared.SyncScope;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ScopedQuery;
import java.util.stream.Stream;

/**
 * Partner Center, as the place one resource comes from.
 *
 * @param <S> the resource's scope
 * @param <T> the resource's item
 */
public interface PageSource<S extends SyncScope, T> {

    /**
     * The items of one query, page by page. The stream is lazy: each page is requested (or, within one large
     * response, read) when the consumer reaches it, so memory grows neither with the number of pages nor with a
     * response's size. Parts of one response share its {@code pageNumber}. A failure surfaces as a
     * {@link PartnerCenterException} from the stream operation that asked for the page. Close the stream
     * (try-with-resources) to release a connection when stopping early.
     *
     * @throws PartnerCenterException when Partner Center refuses, fails or answers nonsense
     */
    Stream<Page<T>> fetchPages(ScopedQuery<S> query);
}
