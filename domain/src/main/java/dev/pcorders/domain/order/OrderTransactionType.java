package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.OpenEnum;

/** Who placed an order: a user, or the system (SystemPurchase and SystemBilling appear only with {@code include_system_purchases}). */
public enum OrderTransactionType implements OpenEnum {
    UNKNOWN("unknown"),
    USER_PURCHASE("UserPurchase"),
    SYSTEM_PURCHASE("SystemPurchase"),
    SYSTEM_BILLING("SystemBilling");

    private final String wireName;

    OrderTransactionType(String wireName) {
        this.wireName = wireName;
    }

    /** Lenient, case-insensitive and ignoring {@code _}; an unknown value is UNKNOWN with the raw kept. */
    public static Coded<OrderTransactionType> parse(String raw) {
        return Coded.parse(OrderTransactionType.class, raw);
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
