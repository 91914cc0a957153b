package dev.pcorders.adapter.persistence.store;

import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.OpenEnum;
import java.util.List;
import java.util.Locale;

/**
 * How an open enum value is stored: the raw string as sent, the constant it parsed to, and for the
 * filtered ones a match key that lets SQL apply {@link Coded#sameValueAs} with one indexed {@code IN}.
 */
public final class OpenEnumColumns {

    private static final String UNRECOGNISED_PREFIX = "?";

    private OpenEnumColumns() {
    }

    /** A known value matches by its constant; an unknown one by its raw string, spelled loosely. */
    public static String matchKey(Coded<?> value) {
        return value.known().isUnknown() ? UNRECOGNISED_PREFIX + normalise(value.raw()) : value.known().name();
    }

    /**
     * The stored match keys {@code wanted} is the same value as. A known value also matches a stored
     * unknown one with the same loose spelling, which is what {@link Coded#sameValueAs} does.
     */
    public static List<String> matchKeysFor(Coded<?> wanted) {
        String byRaw = UNRECOGNISED_PREFIX + normalise(wanted.raw());
        return wanted.known().isUnknown() ? List.of(byRaw) : List.of(wanted.known().name(), byRaw);
    }

    /** The value as stored; a constant this build no longer has is parsed again from the raw string. */
    public static <E extends Enum<E> & OpenEnum> Coded<E> read(Class<E> type, String raw, String known) {
        if (raw == null) {
            return null;
        }
        if (known != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(known)) {
                    return new Coded<>(constant, raw);
                }
            }
        }
        return Coded.parse(type, raw);
    }

    public static String knownName(Coded<?> value) {
        return value == null ? null : value.known().name();
    }

    public static String raw(Coded<?> value) {
        return value == null ? null : value.raw();
    }

    // The same loosening Coded.parse applies: case, '_', '-' and ' ' do not matter.
    private static String normalise(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '_' && c != '-' && c != ' ') {
                kept.append(c);
            }
        }
        return kept.toString().toLowerCase(Locale.ROOT);
    }
}
