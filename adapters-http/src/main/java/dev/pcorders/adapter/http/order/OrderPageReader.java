package dev.pcorders.adapter.http.order;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pcorders.adapter.http.order.wire.OrderCollectionCursor;
import dev.pcorders.adapter.http.order.wire.WireValueException;
import dev.pcorders.adapter.http.partnercenter.PageReader;
import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.shared.Page;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An orders collection read as {@link Page<Order>}s of at most {@value #ORDERS_PER_PART} orders while its body
 * arrives, all numbered as the response they came in. Any part of the body that is not the contract (invalid
 * JSON, a wrong type, a missing id) fails the reader with a {@link MalformedResponse} that says where; the
 * parts handed out before stay as they were, and the caller's transaction is what takes them back.
 */
final class OrderPageReader implements PageReader<Page<Order>> {

    /** The most orders in one part: a few MB of domain records, whatever the size of the response. */
    static final int ORDERS_PER_PART = 1000;

    private final OrderCollectionCursor cursor;
    private final int pageNumber;
    private final PartnerCenterError context;
    private final String orderProblem;
    private Order pending;
    private boolean complete;
    private Optional<Link> next = Optional.empty();

    private OrderPageReader(OrderCollectionCursor cursor, int pageNumber, PartnerCenterError context, String orderProblem) {
        this.cursor = cursor;
        this.pageNumber = pageNumber;
        this.context = context;
        this.orderProblem = orderProblem;
    }

    /**
     * @param context      what the errors tell about where the body came from
     * @param orderProblem how an error about one order begins
     * @param empty        the error for a body without any JSON value
     */
    static OrderPageReader open(InputStream body, int pageNumber, PartnerCenterError context, String orderProblem,
            String empty) {
        Optional<OrderCollectionCursor> cursor;
        try {
            cursor = OrderCollectionCursor.open(body);
        } catch (IOException | RuntimeException e) {
            closeQuietly(body);
            throw notACollection(e, context);
        }
        if (cursor.isEmpty()) {
            throw new MalformedResponse(empty, Optional.empty(), context, null);
        }
        if (cursor.get().isNull()) {
            closeQuietly(cursor.get());
            throw new MalformedResponse("the body is JSON null or empty, not a OrderCollection", Optional.empty(), context, null);
        }
        return new OrderPageReader(cursor.get(), pageNumber, context, orderProblem);
    }

    @Override
    public Page<Order> nextPart() {
        if (complete) {
            throw new IllegalStateException("the collection has been read to its end");
        }
        try {
            List<Order> orders = new ArrayList<>();
            if (pending != null) {
                orders.add(pending);
                pending = null;
            }
            while (cursor.advance()) {
                if (cursor.order() == null) {
                    continue;
                }
                Order order = OrderWireMapper.order(cursor.order(), JsonPath.topLevelElement("items", cursor.index()));
                if (orders.size() == ORDERS_PER_PART) {
                    // Only now is it known that more follow: a collection of up to ORDERS_PER_PART orders stays one part.
                    pending = order;
                    return new Page<>(pageNumber, orders, totalCount());
                }
                orders.add(order);
            }
            OptionalInt total = totalCount();
            next = OrderWireMapper.next(cursor.links());
            complete = true;
            close();
            return new Page<>(pageNumber, orders, total);
        } catch (WireFormatViolation e) {
            close();
            throw new MalformedResponse(orderProblem + e.getMessage(), Optional.of(e.location()), context, e);
        } catch (PartnerCenterException e) {
            // The connection failed, or the body passed the configured cap: already said in the port's terms.
            close();
            throw e;
        } catch (IOException | RuntimeException e) {
            close();
            throw notACollection(e, context);
        }
    }

    private OptionalInt totalCount() {
        return OrderWireMapper.totalCount(cursor.totalCount());
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
    static MalformedResponse notACollection(Throwable e, PartnerCenterError context) {
        return new MalformedResponse("the body is not a valid OrderCollection document: " + shortReason(e),
                location(e, ""), context, e);
    }

    /** The path to a value a wire reader refused, or line and column from the Jackson parser. */
    static Optional<String> location(Throwable failure, String rootPrefix) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof WireValueException refused) {
                return Optional.of(rootPrefix + refused.path());
            }
            if (cause instanceof JsonProcessingException) {
                JsonLocation where = ((JsonProcessingException) cause).getLocation();
                if (where != null && where.getLineNr() > 0) {
                    return Optional.of("line " + where.getLineNr() + ", column " + where.getColumnNr());
                }
            }
        }
        return Optional.empty();
    }

    static String shortReason(Throwable failure) {
        Throwable cause = failure;
        if (cause instanceof JsonProcessingException) {
            String original = ((JsonProcessingException) cause).getOriginalMessage();
            return bounded(original == null ? cause.getClass().getSimpleName() : original);
        }
        String message = cause.getMessage();
        return bounded(message == null ? cause.getClass().getSimpleName() : message);
    }

    private static String bounded(String text) {
        String line = text.replaceAll("[\\r\\n\\t]+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
