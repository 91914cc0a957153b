package dev.pcorders.adapter.http.wire;

import io.micronaut.serde.Decoder;
import java.io.IOException;

/**
 * A {@link WireReader} that collects an object's property values in an array by index, then builds the record
 * from it: one array per object, little code per record. Records a document holds by the ten thousand are read
 * into locals instead (see {@link WireReader#firstIndex}).
 */
public abstract class IndexedWireReader<T> extends WireReader<T> {

    /** Reads the value of property {@code index} into {@code values}, the constructor arguments so far. */
    protected abstract void readProperty(int index, Decoder value, Object[] values) throws IOException;

    protected abstract T create(Object[] values);

    protected abstract int propertyCount();

    @Override
    protected final T readProperties(Decoder object) throws IOException {
        Object[] values = new Object[propertyCount()];
        int seen = 0;
        for (String name = object.decodeKey(); name != null; name = object.decodeKey()) {
            int index = firstIndex(object, name, seen);
            if (index != UNKNOWN) {
                seen |= 1 << index;
                try {
                    readProperty(index, object, values);
                } catch (WireValueException refused) {
                    throw refused.under(name);
                }
            }
        }
        return create(values);
    }
}
