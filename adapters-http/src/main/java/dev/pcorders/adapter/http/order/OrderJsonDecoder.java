package dev.pcorders.adapter.http.order;

import dev.pcorders.adapter.http.order.wire.OrderDto;
import dev.pcorders.adapter.http.partnercenter.PageReader;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterResponse;
import dev.pcorders.adapter.http.wire.CollectionContract;
import dev.pcorders.adapter.http.wire.CollectionPageReader;
import dev.pcorders.adapter.http.wire.JsonPath;
import dev.pcorders.adapter.http.wire.WireFailures;
import dev.pcorders.adapter.http.wire.WireFormatViolation;
import dev.pcorders.adapter.http.wire.WireJson;
import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.shared.Page;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads orders JSON from a stream (never through a String) into domain records. Any body that is not
 * the contract, invalid JSON, a wrong type, a missing id, ends in a {@link MalformedResponse} that says
 * where. A response is read in parts while it arrives ({@link CollectionPageReader}); the documents of
 * {@link OrderDocumentDecoder} are returned whole or not at all.
 */
final class OrderJsonDecoder implements OrderDocumentDecoder {

    private static final PartnerCenterError NO_RESPONSE = new PartnerCenterError(OptionalInt.empty(), Optional.empty(),
            Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());
    private static final CollectionContract<OrderDto, Order> ORDERS =
            new CollectionContract<>("OrderCollection", OrderDto.READER, OrderWireMapper::order);

    private final ObjectMapper json;

    OrderJsonDecoder(ObjectMapper json) {
        this.json = json;
    }

    OrderJsonDecoder() {
        this(WireJson.mapper(OrderDto.class.getPackageName()));
    }

    /** One response of {@code GET /customers/{id}/orders}, read in parts while it arrives. */
    PageReader<Page<Order>> openPage(PartnerCenterResponse response, int pageNumber) {
        return CollectionPageReader.open(response, pageNumber, ORDERS, "an order in the response breaks the contract: ");
    }

    /** A collection document, as in the published samples; read as the gateway reads a response, then gathered. */
    @Override
    public Page<Order> decodeCollection(InputStream body, int pageNumber) {
        CollectionPageReader<OrderDto, Order> reader = CollectionPageReader.open(body, pageNumber, ORDERS, NO_RESPONSE,
                "an order breaks the contract: ", "the body is not a valid OrderCollection document: it is empty");
        Page<Order> first = reader.nextPart();
        if (reader.complete()) {
            return first;
        }
        List<Order> orders = new ArrayList<>(first.items());
        Page<Order> part = first;
        while (!reader.complete()) {
            part = reader.nextPart();
            orders.addAll(part.items());
        }
        return new Page<>(pageNumber, orders, part.totalCount());
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
            // exceptions; both mean the same to the caller: not the contract. Paths start at $ in a single order.
            throw new MalformedResponse("the body is not a valid " + type.getSimpleName().replace("Dto", "") + " document: "
                    + WireFailures.shortReason(e), WireFailures.location(e, "$."), context, e);
        }
        if (value == null) {
            throw new MalformedResponse("the body is JSON null or empty, not a " + type.getSimpleName().replace("Dto", ""),
                    Optional.empty(), context, null);
        }
        return value;
    }
}
