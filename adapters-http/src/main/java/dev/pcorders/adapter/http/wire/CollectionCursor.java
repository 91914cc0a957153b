package dev.pcorders.adapter.http.wire;

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
 * Reads a {@code ResourceCollection<T>} document one element of {@code items} at a time, while the bytes
 * arrive: nothing but the element in hand and the envelope is held. {@code totalCount}, {@code links} and
 * {@code attributes} are read wherever they stand, before or after {@code items}, by the same rules as
 * {@link CollectionReader} (its names and their PascalCase spellings, the first of a repeated property wins,
 * unknown properties skipped), and the elements by the resource's item reader, so numbers stay exact and a
 * refused value's {@link WireValueException#path()} reads {@code items[3].lineItems[0].quantity}.
 *
 * @param <T> the wire record of one item
 */
final class CollectionCursor<T> implements Closeable {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final JsonParser parser;
    private final Decoder object;
    private final boolean isNull;
    private final WireReader<T> itemReader;
    private final Object[] envelope = new Object[CollectionReader.PROPERTY_COUNT];
    private int seen;
    private Decoder items;
    private String itemsName;
    private int index = -1;
    private T item;
    private boolean ended;

    private CollectionCursor(JsonParser parser, WireReader<T> itemReader) throws IOException {
        this.parser = parser;
        this.itemReader = itemReader;
        Decoder root = JacksonDecoder.create(parser, LimitingStream.DEFAULT_LIMITS);
        this.isNull = root.decodeNull();
        this.object = isNull ? null : root.decodeObject();
        this.ended = isNull;
    }

    /**
     * Starts reading {@code body}, each element of {@code items} by {@code itemReader}; closing the cursor closes it.
     *
     * @return empty when the body holds no JSON value at all
     * @throws IOException when the body does not start as a JSON object or null
     */
    static <T> Optional<CollectionCursor<T>> open(InputStream body, WireReader<T> itemReader) throws IOException {
        JsonParser parser = JSON.createParser(body);
        try {
            if (parser.nextToken() == null) {
                parser.close();
                return Optional.empty();
            }
            return Optional.of(new CollectionCursor<>(parser, itemReader));
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /** Whether the document is JSON {@code null}, which holds no collection. */
    boolean isNull() {
        return isNull;
    }

    /**
     * Moves to the next element of {@code items}, reading the envelope's other properties met on the way.
     *
     * @return false once the document's closing brace has been read
     */
    boolean advance() throws IOException {
        while (true) {
            if (items != null) {
                if (items.hasNextArrayValue()) {
                    index++;
                    try {
                        item = itemReader.readNullable(items);
                    } catch (WireValueException refused) {
                        throw refused.under("[" + index + "]").under(itemsName);
                    }
                    return true;
                }
                items.finishStructure();
                items = null;
                item = null;
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
            int property = CollectionReader.envelopeProperty(name);
            if (property == WireReader.UNKNOWN || (seen & (1 << property)) != 0) {
                object.skipValue();
                continue;
            }
            seen |= 1 << property;
            if (property == CollectionReader.ITEMS) {
                if (!object.decodeNull()) {
                    items = object.decodeArray();
                    itemsName = name;
                }
                continue;
            }
            try {
                envelope[property] = CollectionReader.readEnvelopeProperty(property, object);
            } catch (WireValueException refused) {
                throw refused.under(name);
            }
        }
    }

    /** The element {@link #advance()} moved to; null where {@code items} holds a JSON null. */
    T item() {
        return item;
    }

    /** The index of that element in {@code items}. */
    int index() {
        return index;
    }

    /** {@code totalCount}, once read; null while it has not been met and when the document has none. */
    Integer totalCount() {
        return (Integer) envelope[CollectionReader.TOTAL_COUNT];
    }

    /** {@code links}, once read. */
    CollectionLinksDto links() {
        return (CollectionLinksDto) envelope[CollectionReader.LINKS];
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
