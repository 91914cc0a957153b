package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.InputQuote;
import java.util.Objects;

/** An order's id as Partner Center assigns it: a GUID for older orders, an opaque token for newer ones. */
public record OrderId(String value) implements Comparable<OrderId> {

    static final int MAX_LENGTH = 256;

    public OrderId {
        Objects.requireNonNull(value, "order id");
        if (value.isBlank() || value.length() > MAX_LENGTH || hasControlCharacter(value)) {
            throw new IllegalArgumentException(
                    "order id must be 1 to " + MAX_LENGTH + " printable characters, got " + InputQuote.quote(value));
        }
    }

    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public static OrderId of(String value) {
        return new OrderId(value);
    }

    @Override
    public int compareTo(OrderId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
