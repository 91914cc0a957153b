package dev.pcorders.domain.shared;

import java.util.UUID;

/** Parses the GUIDs Partner Center uses as ids, with errors that quote the offending input safely. */
public final class GuidFormat {

    private static final int LENGTH = 36;

    private GuidFormat() {
    }

    static UUID parse(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is required and must be a GUID");
        }
        // UUID.fromString alone accepts forms such as "1-1-1-1-1"; the check keeps to the 8-4-4-4-12 form.
        if (!isGuid(text)) {
            throw new IllegalArgumentException(
                    what + " must be a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6, got " + InputQuote.quote(text));
        }
        return UUID.fromString(text);
    }

    /** True for the 8-4-4-4-12 hexadecimal form, either case; false for null. */
    public static boolean isGuid(String text) {
        if (text == null || text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            boolean hyphenPosition = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphenPosition ? c != '-' : !isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
