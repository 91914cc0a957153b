package dev.pcorders.adapter.http.wire;

import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.InputQuote;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written micronaut-serde deserializer for one wire record. The generated bean deserializer
 * looked each property up in a table, instantiated the record through its introspection (asking every
 * absent component whether it is nullable) and listed the properties an object lacked; that was most
 * of the decoding time. A reader instead matches the names itself and calls the record's constructor.
 *
 * <p>It reads what the generated one read: strings through the {@link Decoder} call micronaut-serde's own
 * deserializer makes (so a number where a string is expected is its text), numbers and booleans exactly
 * (see {@link #integer}; serde's own reads would turn 1.9 into 1), the camelCase name and its PascalCase alias
 * and no other spelling,
 * the first of two properties of the same name (the second is skipped unread), unknown properties
 * skipped, absent and null both as null. Nested records are read by their readers directly, not looked
 * up per value.
 */
public abstract class WireReader<T> implements Deserializer<T> {

    /** Not a property of this record: its value is skipped. */
    protected static final int UNKNOWN = -1;

    @Override
    public final T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
        return read(decoder);
    }

    /** The property index of a name, or {@link #UNKNOWN}; at most 32 properties per record. */
    protected abstract int property(String name);

    /**
     * Reads the properties of one object, from its first key to its end (the caller finishes the structure), and
     * builds the value. Most readers collect them in an array ({@link IndexedWireReader}); the readers of what a
     * document holds by the ten thousand keep them in locals instead, through {@link #firstIndex}.
     */
    protected abstract T readProperties(Decoder object) throws IOException;

    /**
     * The index of property {@code name} when its value is to be read now: a name of this record that {@code seen}
     * (a bit per index read so far) does not hold. Otherwise {@link #UNKNOWN}, and the value has been skipped unread.
     * A failure while reading the value is to be rethrown as {@link #named} gives it.
     */
    protected final int firstIndex(Decoder object, String name, int seen) throws IOException {
        int index = property(name);
        if (index == UNKNOWN || (seen & (1 << index)) != 0) {
            object.skipValue();
            return UNKNOWN;
        }
        return index;
    }

    /** {@code failure} of the value of property {@code name}; one of the readers' own refusals learns where it is. */
    protected static IOException named(IOException failure, String name) {
        return failure instanceof WireValueException refused ? refused.under(name) : failure;
    }

    final T read(Decoder decoder) throws IOException {
        Decoder object = decoder.decodeObject();
        T value = readProperties(object);
        object.finishStructure();
        return value;
    }

    public final T readNullable(Decoder decoder) throws IOException {
        return decoder.decodeNull() ? null : read(decoder);
    }

    public final List<T> readList(Decoder decoder) throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        Decoder array = decoder.decodeArray();
        if (!array.hasNextArrayValue()) {
            // Most lists sent are empty (a link's headers, six links to a line item): one shared list serves them all.
            array.finishStructure();
            return List.of();
        }
        List<T> list = new ArrayList<>();
        do {
            try {
                list.add(readNullable(array));
            } catch (WireValueException refused) {
                throw refused.under("[" + list.size() + "]");
            }
        } while (array.hasNextArrayValue());
        array.finishStructure();
        return list;
    }

    protected static String string(Decoder decoder) throws IOException {
        return decoder.decodeStringNullable();
    }

    // Numbers and booleans are read as their text and parsed here. micronaut-serde's own int, boolean and
    // BigDecimal reads coerce without a word: 1.9 to 1, true to 1 (also as a price), "yes" to false. The text keeps
    // its coercions that lose nothing ("7" for 7, 5 for "5", [2.10] for 2.10) and refuses the others.

    protected static Integer integer(Decoder decoder) throws IOException {
        String text = decoder.decodeStringNullable();
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException notAnInt) {
            throw new WireValueException("expected a whole number within int range, got " + excerpt(text));
        }
    }

    /**
     * Stricter than {@link #integer}: a JSON number that is a whole int, and nothing else. {@code "1"} (a string),
     * {@code 1.5}, {@code 1.0}, {@code true} and numbers beyond int range are refused.
     */
    protected static Integer wholeNumber(Decoder decoder) throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        Object value = decoder.decodeArbitrary();
        if (value instanceof Integer number) {
            return number;
        }
        if (value instanceof String text) {
            throw new WireValueException("expected a whole number, got the string " + excerpt(text));
        }
        throw new WireValueException("expected a whole number within int range, got " + excerpt(String.valueOf(value)));
    }

    protected static Boolean bool(Decoder decoder) throws IOException {
        String text = decoder.decodeStringNullable();
        if (text == null) {
            return null;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        throw new WireValueException("expected true or false, got " + excerpt(text));
    }

    protected static BigDecimal decimal(Decoder decoder) throws IOException {
        String text = decoder.decodeStringNullable();
        if (text == null) {
            return null;
        }
        try {
            return Amount.decimal(text);
        } catch (NumberFormatException notANumber) {
            throw new WireValueException("expected a decimal number, got " + excerpt(text));
        }
    }

    /** A bad value quoted as the rest of the project quotes input: control characters escaped, long ones cut. */
    private static String excerpt(String text) {
        return InputQuote.quote(text);
    }

    protected static JsonNode node(Decoder decoder) throws IOException {
        return decoder.decodeNull() ? null : decoder.decodeNode();
    }

    /** An object of records keyed by name (e.g. links by relation), in the order sent; null values are left out. */
    protected static <V> Map<String, V> recordMap(Decoder decoder, WireReader<V> values) throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        Decoder object = decoder.decodeObject();
        Map<String, V> map = new LinkedHashMap<>();
        for (String key = object.decodeKey(); key != null; key = object.decodeKey()) {
            V value;
            try {
                value = values.readNullable(object);
            } catch (WireValueException refused) {
                throw refused.under(key);
            }
            if (value != null) {
                map.put(key, value);
            }
        }
        object.finishStructure();
        return map;
    }

    /** In the order sent; a repeated key keeps its first position and its last value, as a map does. */
    protected static Map<String, String> stringMap(Decoder decoder) throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        Decoder object = decoder.decodeObject();
        Map<String, String> map = new LinkedHashMap<>();
        for (String key = object.decodeKey(); key != null; key = object.decodeKey()) {
            map.put(key, object.decodeStringNullable());
        }
        object.finishStructure();
        return map;
    }
}
