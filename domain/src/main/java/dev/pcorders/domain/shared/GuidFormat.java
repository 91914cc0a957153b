package dev.pcorders.domain.shared;

import java.util.UUID;
import java.util.regex.Pattern;

/** Parses the GUIDs Partner Center uses as ids, with errors that quote the offending input safely. */
final class GuidFormat {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private GuidFormat() {
    }

    static UUID parse(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is required and must be a GUID");
        }
        // UUID.fromString alone accepts forms such as "1-1-1-1-1"; the pattern keeps to the 8-4-4-4-12 form.
        if (!GUID.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    what + " must be a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6, got " + InputQuote.quote(text));
        }
        return UUID.fromString(text);
    }

    static boolean isGuid(String text) {
        return text != null && GUID.matcher(text).matches();
    }
}
