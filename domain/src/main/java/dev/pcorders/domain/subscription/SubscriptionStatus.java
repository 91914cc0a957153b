package dev.pcorders.domain.subscription;

import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.OpenEnum;

/** A subscription's status. Open: {@code disabled} is in use and crashed clients that had a closed list. */
public enum SubscriptionStatus implements OpenEnum {
    UNKNOWN("unknown"),
    ACTIVE("active"),
    SUSPENDED("suspended"),
    DELETED("deleted"),
    EXPIRED("expired"),
    PENDING("pending"),
    DISABLED("disabled");

    private final String wireName;

    SubscriptionStatus(String wireName) {
        this.wireName = wireName;
    }

    /** Lenient, case-insensitive and ignoring {@code _}; an unknown value is UNKNOWN with the raw kept. */
    public static Coded<SubscriptionStatus> parse(String raw) {
        return Coded.parse(SubscriptionStatus.class, raw);
    }

    @Override
    public String wireName() {
        return wireName;
    }

    @Override
    public boolean isUnknown() {
        return this == UNKNOWN;
    }
}
