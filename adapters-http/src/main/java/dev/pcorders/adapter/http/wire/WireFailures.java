package dev.pcorders.adapter.http.wire;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Optional;

/** Where and why a body failed to read, as short as an error message wants it. */
public final class WireFailures {

    private WireFailures() {
    }

    /** The path to a value a wire reader refused, or line and column from the Jackson parser. */
    public static Optional<String> location(Throwable failure, String rootPrefix) {
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

    public static String shortReason(Throwable failure) {
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
