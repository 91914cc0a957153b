package dev.pcorders.adapter.http.partnercenter;

import dev.pcorders.application.shared.port.out.PartnerCenterException.Unavailable;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.Link;
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
 * Walks a collection by {@code links.next}, one part per {@link #tryAdvance}: a response is read while it
 * arrives, a bounded part at a time, and the next request is made only when the last part of the
 * previous response has been asked for. Replays the link's headers (MS-ContinuationToken), keeps the
 * MS-CorrelationId, refuses a link to another host, stops on a link it has already followed, and fails
 * past {@code maxPages} rather than loop for ever.
 *
 * <p>Retries: the request and the reading of a response's first part are one attempt of
 * {@link PartnerCenterHttp#get}, so a connection that fails before anything was handed on is retried as
 * it always was. Once a part of a response has been handed on, a connection failing later in that body is
 * not retried: the consumer has those orders already, and a second reading could not take them back or
 * line up with them. It ends the fetch as {@code Unavailable}; the sync of that customer fails whole (the
 * repository's transaction rolls back) and the next sync asks again.
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
    /** The response being read, while it has parts left. */
    private Opened<T> current;

    PagedFetch(PartnerCenterHttp http, URI first, CorrelationId correlationId, PageDecoder<T> decoder, int maxPages) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.http = http;
        this.nextUri = first;
        this.correlationId = correlationId;
        this.decoder = decoder;
        this.maxPages = maxPages;
        followed.add(key(first, List.of()));
    }

    /** A response, its reader and whether a part of it has been handed on. */
    private record Opened<T>(PartnerCenterResponse response, PageReader<T> reader, T firstPart) {
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        if (current != null) {
            T part;
            try {
                current.response().startPart();
                part = current.reader().nextPart();
            } catch (Unavailable cutOff) {
                close();
                throw new Unavailable(cutOff.getMessage() + "; not retried, since orders of page " + pageNumber
                        + " had already been handed on", cutOff.error(), cutOff);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            return handOn(part, action);
        }
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
        int number = pageNumber;
        current = http.get(nextUri, correlationId, nextHeaders, response -> {
            PageReader<T> reader = decoder.open(response, number);
            try {
                return new Opened<>(response, reader, reader.nextPart());
            } catch (RuntimeException e) {
                reader.close();
                throw e;
            }
        });
        return handOn(current.firstPart(), action);
    }

    private boolean handOn(T part, Consumer<? super T> action) {
        if (current.reader().complete()) {
            try {
                // Before the last part goes out, as when a page was read whole: a link to another host fails the fetch.
                follow(current.reader().next(), current.response());
            } finally {
                release();
            }
        }
        action.accept(part);
        return true;
    }

    private void follow(Optional<Link> next, PartnerCenterResponse response) {
        if (next.isEmpty()) {
            return;
        }
        URI target = NextLinks.resolve(next.get(), response, http.settings());
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

    private void release() {
        Opened<T> opened = current;
        current = null;
        if (opened != null) {
            opened.reader().close();
            opened.response().close();
        }
    }

    void close() {
        finished = true;
        release();
    }

    private static String key(URI uri, List<Link.Header> headers) {
        StringBuilder key = new StringBuilder(uri.toString());
        for (Link.Header header : headers) {
            key.append('\n').append(header.key()).append(": ").append(header.value());
        }
        return key.toString();
    }
}
