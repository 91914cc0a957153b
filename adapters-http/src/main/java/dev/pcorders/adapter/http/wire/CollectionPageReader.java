package dev.pcorders.adapter.http.wire;

import dev.pcorders.adapter.http.partnercenter.PageReader;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterResponse;
import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import dev.pcorders.domain.shared.InputQuote;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.shared.Page;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A resource collection read as {@link Page}s of at most {@value #ITEMS_PER_PART} items while its body
 * arrives, all numbered as the response they came in. Any part of the body that is not the contract (invalid
 * JSON, a wrong type, a missing id) fails the reader with a {@link MalformedResponse} that says where; the
 * parts handed out before stay as they were, and the caller's transaction is what takes them back.
 *
 * @param <D> the wire record of one item
 * @param <T> the domain record built from it
 */
public final class CollectionPageReader<D, T> implements PageReader<Page<T>> {

    /** The most items in one part: a few MB of domain records, whatever the size of the response. */
    public static final int ITEMS_PER_PART = 1000;

    private final CollectionCursor<D> cursor;
    private final CollectionContract<D, T> contract;
    private final int pageNumber;
    private final PartnerCenterError context;
    private final String itemProblem;
    private T pending;
    private boolean complete;
    private Optional<Link> next = Optional.empty();

    private CollectionPageReader(CollectionCursor<D> cursor, CollectionContract<D, T> contract, int pageNumber,
            PartnerCenterError context, String itemProblem) {
        this.cursor = cursor;
        this.contract = contract;
        this.pageNumber = pageNumber;
        this.context = context;
        this.itemProblem = itemProblem;
    }

    /**
     * One 2xx response of a collection, read while it arrives. A body labelled as something other than JSON (an HTML
     * maintenance page behind a 200) is refused before a byte of it is parsed, naming what it claimed to be.
     *
     * @param itemProblem how an error about one item begins
     */
    public static <D, T> CollectionPageReader<D, T> open(PartnerCenterResponse response, int pageNumber,
            CollectionContract<D, T> contract, String itemProblem) {
        if (!response.isJson()) {
            response.close();
            throw response.malformed("expected JSON but the response is " + InputQuote.quote(response.contentType().orElse("")),
                    Optional.empty(), null);
        }
        return open(response.bodyStream(), pageNumber, contract, response.describe(), itemProblem,
                "the response body is empty");
    }

    /**
     * @param context     what the errors tell about where the body came from
     * @param itemProblem how an error about one item begins
     * @param empty       the error for a body without any JSON value
     */
    public static <D, T> CollectionPageReader<D, T> open(InputStream body, int pageNumber, CollectionContract<D, T> contract,
            PartnerCenterError context, String itemProblem, String empty) {
        Optional<CollectionCursor<D>> cursor;
        try {
            cursor = CollectionCursor.open(body, contract.itemReader());
        } catch (IOException | RuntimeException e) {
            closeQuietly(body);
            throw notACollection(e, contract, context);
        }
        if (cursor.isEmpty()) {
            throw new MalformedResponse(empty, Optional.empty(), context, null);
        }
        if (cursor.get().isNull()) {
            closeQuietly(cursor.get());
            throw new MalformedResponse("the body is JSON null or empty, not a " + contract.name(), Optional.empty(),
                    context, null);
        }
        return new CollectionPageReader<>(cursor.get(), contract, pageNumber, context, itemProblem);
    }

    @Override
    public Page<T> nextPart() {
        if (complete) {
            throw new IllegalStateException("the collection has been read to its end");
        }
        try {
            List<T> items = new ArrayList<>();
            if (pending != null) {
                items.add(pending);
                pending = null;
            }
            while (cursor.advance()) {
                if (cursor.item() == null) {
                    continue;
                }
                T item = contract.mapper().apply(cursor.item(), JsonPath.topLevelElement("items", cursor.index()));
                if (items.size() == ITEMS_PER_PART) {
                    // Only now is it known that more follow: a collection of up to ITEMS_PER_PART items stays one part.
                    pending = item;
                    return new Page<>(pageNumber, items, totalCount());
                }
                items.add(item);
            }
            OptionalInt total = totalCount();
            next = SharedWireMapper.next(cursor.links());
            complete = true;
            close();
            return new Page<>(pageNumber, items, total);
        } catch (WireFormatViolation e) {
            close();
            throw new MalformedResponse(itemProblem + e.getMessage(), Optional.of(e.location()), context, e);
        } catch (PartnerCenterException e) {
            // The connection failed, or the body passed the configured cap: already said in the port's terms.
            close();
            throw e;
        } catch (IOException | RuntimeException e) {
            close();
            throw notACollection(e, contract, context);
        }
    }

    private OptionalInt totalCount() {
        return SharedWireMapper.totalCount(cursor.totalCount());
    }

    @Override
    public boolean complete() {
        return complete;
    }

    @Override
    public Optional<Link> next() {
        if (!complete) {
            throw new IllegalStateException("links.next is known once the collection has been read to its end");
        }
        return next;
    }

    @Override
    public void close() {
        closeQuietly(cursor);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            // The body is no longer wanted; a failure to release it changes no outcome.
        }
    }

    // Serde reports syntax errors as IOExceptions and some type mismatches as runtime exceptions; both mean the
    // same to the caller: not the contract.
    private static MalformedResponse notACollection(Throwable e, CollectionContract<?, ?> contract,
            PartnerCenterError context) {
        return new MalformedResponse("the body is not a valid " + contract.name() + " document: "
                + WireFailures.shortReason(e), WireFailures.location(e, ""), context, e);
    }
}
