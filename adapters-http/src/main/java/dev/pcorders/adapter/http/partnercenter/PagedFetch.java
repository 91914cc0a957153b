package dev.pcorders.adapter.http.partnercenter;

import dev.pcorders.domain.order.Link;
import dev.pcorders.domain.shared.CorrelationId;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a collection by {@code links.next}, one request per {@link #tryAdvance}: nothing is fetched
 * ahead, and only the page in hand is in memory. Replays the link's headers (MS-ContinuationToken),
 * keeps the MS-CorrelationId, refuses a link to another host, stops on a link it has already
 * followed, and fails past {@code maxPages} rather than loop for ever.
 */
final class PagedFetch<T> extends Spliterators.AbstractSpliterator<T> {

    private static final Logger LOG = LoggerFactory.getLogger(PagedFetch.class);

    private final PartnerCenterHttp http;
    private final CorrelationId correlationId;
    private final PageDecoder<T> decoder;
    private final int maxPages;
    private final Set<String> followed = new HashSet<>();
    private URI nextUri;
    private List<Link.Header> nextHeaders = List.of();
    private int pageNumber;
    private boolean finished;
    /** The last allowed page, when it still links further: the next advance fails instead of fetching. */
    private PartnerCenterResponse linkedPastMaxPages;

    PagedFetch(PartnerCenterHttp http, URI first, CorrelationId correlationId, PageDecoder<T> decoder, int maxPages) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.http = http;
        this.nextUri = first;
        this.correlationId = correlationId;
        this.decoder = decoder;
        this.maxPages = maxPages;
        followed.add(key(first, List.of()));
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        if (finished) {
            return false;
        }
        if (linkedPastMaxPages != null) {
            finished = true;
            throw linkedPastMaxPages.malformed("the collection has more than " + maxPages
                    + " pages (partner-center.max-pages); stopped rather than loop", Optional.of("links.next"), null);
        }
        // Mark finished first: a failure ends the walk, and a retry is the caller's decision.
        finished = true;
        pageNumber++;
        PartnerCenterResponse response = http.get(nextUri, correlationId, nextHeaders);
        DecodedPage<T> decoded = decoder.decode(response, pageNumber);
        Optional<Link> next = decoded.next();
        if (next.isPresent()) {
            URI target = http.resolveNext(next.get(), response);
            String key = key(target, next.get().headers());
            if (!followed.add(key)) {
                LOG.warn("page {} of {} links back to a page already read; stopping there", pageNumber, target.getRawPath());
            } else if (pageNumber >= maxPages) {
                // Deliver all maxPages pages, then fail without a request for one more.
                linkedPastMaxPages = response;
                finished = false;
            } else {
                nextUri = target;
                nextHeaders = next.get().headers();
                finished = false;
            }
        }
        action.accept(decoded.page());
        return true;
    }

    void close() {
        finished = true;
    }

    private static String key(URI uri, List<Link.Header> headers) {
        StringBuilder key = new StringBuilder(uri.toString());
        for (Link.Header header : headers) {
            key.append('\n').append(header.key()).append(": ").append(header.value());
        }
        return key.toString();
    }
}
