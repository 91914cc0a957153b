package dev.pcorders.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalInt;

/**
 * Opaque continuation tokens: where the next page starts, signed with the seed and tied to the customer
 * and the filters, so a token replayed against another query is refused instead of silently misread.
 */
final class ContinuationTokens {

    private ContinuationTokens() {
    }

    static String encode(long seed, int customerIndex, int nextIndex, String filterKey) {
        String text = customerIndex + "." + nextIndex + "." + Long.toHexString(check(seed, customerIndex, nextIndex, filterKey));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The index the token points at, or empty if it is not a token of this sandbox for this customer and query. */
    static OptionalInt decode(long seed, String token, int customerIndex, String filterKey) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.US_ASCII);
            String[] parts = text.split("\\.", -1);
            if (parts.length != 3) {
                return OptionalInt.empty();
            }
            int customer = Integer.parseInt(parts[0]);
            int next = Integer.parseInt(parts[1]);
            long check = Long.parseUnsignedLong(parts[2], 16);
            if (customer != customerIndex || next < 0 || check != check(seed, customer, next, filterKey)) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(next);
        } catch (IllegalArgumentException notAToken) {
            return OptionalInt.empty();
        }
    }

    private static long check(long seed, int customerIndex, int nextIndex, String filterKey) {
        return Seeds.mix(seed, Seeds.TOKEN, customerIndex, ((long) nextIndex << 32) ^ filterKey.hashCode());
    }
}
