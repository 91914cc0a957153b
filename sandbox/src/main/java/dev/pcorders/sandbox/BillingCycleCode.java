package dev.pcorders.sandbox;

import java.util.Locale;
import java.util.Optional;

/**
 * Partner Center's BillingCycleType as the sandbox reads the {@code billingType} query parameter: ASP.NET
 * binds an enum from its integer or its name in any case, so both are accepted here too.
 */
enum BillingCycleCode {
    UNKNOWN(0, "unknown"),
    MONTHLY(1, "monthly"),
    ANNUAL(2, "annual"),
    NONE(3, "none"),
    ONE_TIME(4, "one_time"),
    TRIENNIAL(5, "triennial"),
    BIENNIAL(6, "biennial");

    private final int code;
    private final String wireName;

    BillingCycleCode(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    int code() {
        return code;
    }

    String wireName() {
        return wireName;
    }

    /** {@code "2"}, {@code "annual"}, {@code "OneTime"}, {@code "one_time"}; empty for anything else. */
    static Optional<BillingCycleCode> parse(String raw) {
        String text = raw.strip();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            try {
                int value = Integer.parseInt(text);
                for (BillingCycleCode cycle : values()) {
                    if (cycle.code == value) {
                        return Optional.of(cycle);
                    }
                }
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
            return Optional.empty();
        }
        String folded = text.replace("_", "").toLowerCase(Locale.ROOT);
        for (BillingCycleCode cycle : values()) {
            if (cycle.wireName.replace("_", "").equals(folded)) {
                return Optional.of(cycle);
            }
        }
        return Optional.empty();
    }
}
