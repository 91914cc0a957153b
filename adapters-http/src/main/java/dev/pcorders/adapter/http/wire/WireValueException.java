package dev.pcorders.adapter.http.wire;

import java.io.IOException;

/**
 * A value a wire reader refuses (a fraction for a whole number, a boolean for a price), with where it sits:
 * the readers add each property name and array index as the failure passes back up through them, so the path
 * costs nothing while a document reads cleanly.
 */
final class WireValueException extends IOException {

    private String path;

    WireValueException(String problem) {
        super(problem);
        this.path = "";
    }

    /** Adds the step (a property name or {@code [index]}) that leads from the enclosing value to where the path starts now. */
    WireValueException under(String step) {
        path = path.isEmpty() ? step : step + (path.startsWith("[") ? "" : ".") + path;
        return this;
    }

    /** From the document's root, without a leading {@code $}: {@code items[3].lineItems[0].quantity}. */
    String path() {
        return path;
    }
}
