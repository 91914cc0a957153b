package dev.pcorders.domain.shared;

/**
 * Quotes untrusted input for an error message: bounded in length and with control characters
 * escaped, so a 10k-character or multi-line value cannot flood or forge a log line.
 */
public final class InputQuote {

    private static final int MAX_SHOWN = 64;

    private InputQuote() {
    }

    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder(Math.min(text.length(), MAX_SHOWN) + 16).append('\'');
        int limit = Math.min(text.length(), MAX_SHOWN);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        shown.append('\'');
        if (text.length() > MAX_SHOWN) {
            shown.append("... (").append(text.length()).append(" characters)");
        }
        return shown.toString();
    }
}
