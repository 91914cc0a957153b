package dev.pcorders.domain.shared;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The spellings one open enum is parsed from, worked out once per enum class. The spellings the
 * service actually writes ({@code one_time}, {@code Annual}, {@code New}) hit the exact table and
 * come back as a shared {@link Coded} without copying or allocating anything; every other spelling
 * goes through {@link Coded#normalise}, as before.
 */
final class Spellings<E extends Enum<E> & OpenEnum> {

    private static final ClassValue<Spellings<?>> BY_TYPE = new ClassValue<>() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected Spellings<?> computeValue(Class<?> type) {
            return new Spellings(type);
        }
    };

    private final Class<E> type;
    private final Map<String, Coded<E>> exact = new HashMap<>();
    private final Map<String, E> normalised = new HashMap<>();
    private final E unknown;

    private Spellings(Class<E> type) {
        this.type = type;
        E unknownConstant = null;
        E[] constants = type.getEnumConstants();
        // Filled in reverse so that, should two constants share a spelling, the first declared wins as it did in a scan.
        for (int i = constants.length - 1; i >= 0; i--) {
            E constant = constants[i];
            if (constant.isUnknown() && unknownConstant == null) {
                unknownConstant = constant;
            }
            normalised.put(Coded.normalise(constant.name()), constant);
            normalised.put(Coded.normalise(constant.wireName()), constant);
        }
        for (int i = constants.length - 1; i >= 0; i--) {
            E constant = constants[i];
            for (String spelling : commonSpellings(constant)) {
                if (normalised.get(Coded.normalise(spelling)) == constant) {
                    exact.put(spelling, new Coded<>(constant, spelling));
                }
            }
        }
        this.unknown = unknownConstant;
    }

    @SuppressWarnings("unchecked")
    static <E extends Enum<E> & OpenEnum> Spellings<E> of(Class<E> type) {
        return (Spellings<E>) BY_TYPE.get(type);
    }

    Coded<E> parse(String raw) {
        Coded<E> common = exact.get(raw);
        if (common != null) {
            return common;
        }
        E known = normalised.get(Coded.normalise(raw));
        if (known != null) {
            return new Coded<>(known, raw);
        }
        if (unknown == null) {
            throw new IllegalStateException(type.getName() + " declares no UNKNOWN constant");
        }
        return new Coded<>(unknown, raw);
    }

    private static String[] commonSpellings(Enum<?> constant) {
        String wireName = ((OpenEnum) constant).wireName();
        String capitalised = wireName.isEmpty() ? wireName
                : wireName.substring(0, 1).toUpperCase(Locale.ROOT) + wireName.substring(1);
        return new String[] {wireName, capitalised, wireName.toLowerCase(Locale.ROOT), constant.name()};
    }
}
