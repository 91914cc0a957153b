package dev.pcorders.adapter.http.wire;

/**
 * Where a value sits in a document, e.g. {@code items[3].lineItems[0]}. Only the array
 * elements are nodes; field names are constants appended by {@link #field} when a violation is
 * raised, so a document that keeps the contract never builds a path string.
 */
public final class JsonPath {

    private final JsonPath parent;
    private final String name;
    private final int index;

    private JsonPath(JsonPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** A document whose root is the value itself: {@code $}. */
    public static JsonPath root() {
        return new JsonPath(null, "$", -1);
    }

    /** An element of a top-level array, named without {@code $.}, as the collection's errors have always been. */
    public static JsonPath topLevelElement(String array, int index) {
        return new JsonPath(null, array, index);
    }

    public JsonPath element(String array, int index) {
        return new JsonPath(this, array, index);
    }

    /** The path of a field (or of a dotted chain of fields) below this node. */
    public String field(String dottedName) {
        return this + "." + dottedName;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        appendTo(text);
        return text.toString();
    }

    private void appendTo(StringBuilder text) {
        if (parent != null) {
            parent.appendTo(text);
            text.append('.');
        }
        text.append(name);
        if (index >= 0) {
            text.append('[').append(index).append(']');
        }
    }
}
