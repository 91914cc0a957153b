package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.OpenEnum;

/** What a line item did to its subscription. */
public enum LineItemTransactionType implements OpenEnum {
    UNKNOWN("unknown"),
    NEW("new"),
    RENEW("renew"),
    ADD_QUANTITY("addQuantity"),
    REMOVE_QUANTITY("removeQuantity"),
    CANCEL("cancel"),
    CONVERT("convert"),
    CUSTOMER_CREDIT("customerCredit");

    private final String wireName;

    LineItemTransactionType(String wireName) {
        this.wireName = wireName;
    }

    /** Lenient, case-insensitive and ignoring {@code _}; an unknown value is UNKNOWN with the raw kept. */
    public static Coded<LineItemTransactionType> parse(String raw) {
        return Coded.parse(LineItemTransactionType.class, raw);
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
