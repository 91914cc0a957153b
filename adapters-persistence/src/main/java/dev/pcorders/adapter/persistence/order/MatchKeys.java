package dev.pcorders.adapter.persistence.order;

import java.util.Locale;

/**
 * The case-folded forms line item ids are stored and looked up in, so that an indexed equality gives
 * the same answer as {@link dev.pcorders.domain.order.OrderCriteria#matches}.
 */
final class MatchKeys {

    private MatchKeys() {
    }

    /** For {@code partnerIdOnRecord}, compared with {@link String#equalsIgnoreCase}: fold each code point the same way. */
    static String ignoringCase(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return folded.toString();
    }

    /** For {@code subscriptionId}, compared lower-cased in the root locale. */
    static String lowerCase(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
