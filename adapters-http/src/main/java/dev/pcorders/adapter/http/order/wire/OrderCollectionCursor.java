package dev.pcorders.adapter.http.order.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.LimitingStream;
import io.micronaut.serde.jackson.JacksonDecoder;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a {@code ResourceCollection<Order>} document one element of {@code items} at a time, while the bytes
 * arrive: nothing but the element in hand and the envelope is held. {@code totalCount}, {@code links} and
 * {@code attributes} are read wherever they stand, before or after {@code items}, by the same rules as
 * {@link OrderCollectionDto}'s reader (its names and their PascalCase spellings, the first of a repeated
 * property wins, unknown properties skipped), and the elements by {@link OrderDto}'s reader, so numbers stay
 * exact and a refused value's {@link WireValueException#path()} reads {@code items[3].lineItems[0].quantity}.
 */
public final class OrderCollectionCursor implements Closeable {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int ITEMS = 1;

    private final JsonParser parser;
    private final Decoder object;
    private final boolean isNull;
    private final Object[] envelope = new Object[OrderCollectionDto.READER.propertyCount()];
    private int seen;
    private Decoder items;
    private String itemsName;
    private int index = -1;
    private OrderDto order;
    private boolean ended;

    private OrderCollectionCursor(JsonParser parser) throws IOException {
        this.parser = parser;
        Decoder root = JacksonDecoder.create(parser, LimitingStream.DEFAULT_LIMITS);
        this.isNull = root.decodeNull();
        this.object = isNull ? null : root.decodeObject();
        this.ended = isNull;
    }

    /**
     * Starts reading {@code body}; closing the cursor closes it.
     *
     * @return empty when the body holds no JSON value at all
     * @throws IOException when the body does not start as a JSON object or null
     */
    public static Optional<OrderCollectionCursor> open(InputStream body) throws IOException {
        JsonParser parser = JSON.createParser(body);
        try {
            if (parser.nextToken() == null) {
                parser.close();
                return Optional.empty();
            }
            return Optional.of(new OrderCollectionCursor(parser));
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /** Whether the document is JSON {@code null}, which holds no collection. */
    public boolean isNull() {
        return isNull;
    }

    /**
     * Moves to the next element of {@code items}, reading the envelope's other properties met on the way.
     *
     * @return false once the document's closing brace has been read
     */
    public boolean advance() throws IOException {
        while (true) {
            if (items != null) {
                if (items.hasNextArrayValue()) {
                    index++;
                    try {
                        order = OrderDto.READER.readNullable(items);
                    } catch (WireValueException refused) {
                        throw refused.under("[" + index + "]").under(itemsName);
                    }
                    return true;
                }
                items.finishStructure();
                items = null;
                order = null;
            }
            if (ended) {
                return false;
            }
            String name = object.decodeKey();
            if (name == null) {
                object.finishStructure();
                ended = true;
                return false;
            }
            int property = OrderCollectionDto.READER.property(name);
            if (property == WireReader.UNKNOWN || (seen & (1 << property)) != 0) {
                object.skipValue();
                continue;
            }
            seen |= 1 << property;
            if (property == ITEMS) {
                if (!object.decodeNull()) {
                    items = object.decodeArray();
                    itemsName = name;
                }
                continue;
            }
            try {
                OrderCollectionDto.READER.readProperty(property, object, envelope);
            } catch (WireValueException refused) {
                throw refused.under(name);
            }
        }
    }

    /** The element {@link #advance()} moved to; null where {@code items} holds a JSON null. */
    public OrderDto order() {
        return order;
    }

    /** The index of that element in {@code items}. */
    public int index() {
        return index;
    }

    /** {@code totalCount}, once read; null while it has not been met and when the document has none. */
    public Integer totalCount() {
        return (Integer) envelope[0];
    }

    /** {@code links}, once read. */
    public CollectionLinksDto links() {
        return (CollectionLinksDto) envelope[2];
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
