package dev.pcorders.adapter.http.wire;

import io.micronaut.serde.Decoder;
import java.io.IOException;

/**
 * The reader of a {@code ResourceCollection<T>} document as one record: {@code totalCount}, {@code items},
 * {@code links} (self, next, previous) and {@code attributes}, whatever the resource. A resource's collection
 * record names its item reader and builds itself from the four values. {@link CollectionCursor} reads the
 * envelope by the same names, so a collection read whole and one read while it arrives agree.
 *
 * @param <C> the resource's collection record
 * @param <T> the wire record of one item
 */
public abstract class CollectionReader<C, T> extends IndexedWireReader<C> {

    static final int TOTAL_COUNT = 0;
    static final int ITEMS = 1;
    static final int LINKS = 2;
    static final int ATTRIBUTES = 3;
    static final int PROPERTY_COUNT = 4;

    private final WireReader<T> items;

    protected CollectionReader(WireReader<T> items) {
        this.items = items;
    }

    @Override
    protected final int propertyCount() {
        return PROPERTY_COUNT;
    }

    @Override
    protected final int property(String name) {
        return envelopeProperty(name);
    }

    @Override
    protected final void readProperty(int index, Decoder value, Object[] values) throws IOException {
        values[index] = index == ITEMS ? items.readList(value) : readEnvelopeProperty(index, value);
    }

    /** The camelCase names and their PascalCase spellings; see {@link WireReader}. */
    static int envelopeProperty(String name) {
        return switch (name) {
            case "totalCount", "TotalCount" -> TOTAL_COUNT;
            case "items", "Items" -> ITEMS;
            case "links", "Links" -> LINKS;
            case "attributes", "Attributes" -> ATTRIBUTES;
            default -> UNKNOWN;
        };
    }

    /** The value of any property but {@link #ITEMS}. */
    static Object readEnvelopeProperty(int index, Decoder value) throws IOException {
        return switch (index) {
            case TOTAL_COUNT -> integer(value);
            case LINKS -> CollectionLinksDto.READER.readNullable(value);
            case ATTRIBUTES -> AttributesDto.READER.readNullable(value);
            default -> throw new IllegalArgumentException("not an envelope property: " + index);
        };
    }
}
