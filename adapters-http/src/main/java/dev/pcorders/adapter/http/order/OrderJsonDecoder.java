package dev.pcorders.adapter.http.order;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pcorders.adapter.http.order.wire.OrderCollectionDto;
import dev.pcorders.adapter.http.order.wire.OrderDto;
import dev.pcorders.adapter.http.order.wire.WireJson;
import dev.pcorders.adapter.http.order.wire.WireValueException;
import dev.pcorders.adapter.http.partnercenter.DecodedPage;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterResponse;
import dev.pcorders.application.order.port.out.PartnerCenterError;
import dev.pcorders.application.order.port.out.PartnerCenterException.MalformedResponse;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderPage;
import dev.pcorders.domain.shared.InputQuote;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads orders JSON from a stream (never through a String) into domain records. Any body that is not
 * the contract, invalid JSON, a wrong type, a missing id, ends in a {@link MalformedResponse} that says
 * where; a partial result is never returned.
 */
final class OrderJsonDecoder implements OrderDocumentDecoder {

    private static final PartnerCenterError NO_RESPONSE = new PartnerCenterError(OptionalInt.empty(), Optional.empty(),
            Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    private final ObjectMapper json;

    OrderJsonDecoder(ObjectMapper json) {
        this.json = json;
    }

    OrderJsonDecoder() {
        this(WireJson.mapper());
    }

    /** One page of {@code GET /customers/{id}/orders}: the orders and the collection's next link. */
    DecodedPage<OrderPage> decodePage(PartnerCenterResponse response, int pageNumber) {
        if (!response.isJson()) {
            throw response.malformed("expected JSON but the response is " + InputQuote.quote(response.contentType().orElse("")),
                    Optional.empty(), null);
        }
        if (response.bodyLength() == 0) {
            throw response.malformed("the response body is empty", Optional.empty(), null);
        }
        try (InputStream body = response.bodyStream()) {
            OrderCollectionDto collection = read(body, OrderCollectionDto.class, response.describe());
            try {
                return new DecodedPage<>(OrderWireMapper.page(collection, pageNumber), OrderWireMapper.next(collection));
            } catch (WireFormatViolation e) {
                throw new MalformedResponse("an order in the response breaks the contract: " + e.getMessage(),
                        Optional.of(e.location()), response.describe(), e);
            }
        } catch (IOException e) {
            throw response.malformed("the response body could not be read", Optional.empty(), e);
        }
    }

    /** A collection document, as in the published samples. */
    @Override
    public OrderPage decodeCollection(InputStream body, int pageNumber) {
        OrderCollectionDto collection = read(body, OrderCollectionDto.class, NO_RESPONSE);
        try {
            return OrderWireMapper.page(collection, pageNumber);
        } catch (WireFormatViolation e) {
            throw new MalformedResponse("an order breaks the contract: " + e.getMessage(), Optional.of(e.location()),
                    NO_RESPONSE, e);
        }
    }

    /** A single order document (GET /customers/{id}/orders/{order_id}, or a sample of one). */
    @Override
    public Order decodeOrder(InputStream body) {
        OrderDto order = read(body, OrderDto.class, NO_RESPONSE);
        try {
            return OrderWireMapper.order(order, JsonPath.root());
        } catch (WireFormatViolation e) {
            throw new MalformedResponse("the order breaks the contract: " + e.getMessage(), Optional.of(e.location()),
                    NO_RESPONSE, e);
        }
    }

    private <T> T read(InputStream body, Class<T> type, PartnerCenterError context) {
        T value;
        try {
            value = json.readValue(body, Argument.of(type));
        } catch (IOException | RuntimeException e) {
            // Serde reports syntax errors as IOExceptions and some type mismatches as runtime
            // exceptions; both mean the same to the caller: not the contract.
            // Paths as the mapper's violations name them: from the items of a collection, from $ in a single order.
            throw new MalformedResponse("the body is not a valid " + type.getSimpleName().replace("Dto", "") + " document: "
                    + shortReason(e), location(e, type == OrderDto.class ? "$." : ""), context, e);
        }
        if (value == null) {
            throw new MalformedResponse("the body is JSON null or empty, not a " + type.getSimpleName().replace("Dto", ""),
                    Optional.empty(), context, null);
        }
        return value;
    }

    /** The path to a value a wire reader refused, or line and column from the Jackson parser. */
    private static Optional<String> location(Throwable failure, String rootPrefix) {
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

    private static String shortReason(Throwable failure) {
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
