package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.OpenEnum;

/** An order's status. Open: the service has also been seen to send {@code po_upload_complete}. */
public enum OrderStatus implements OpenEnum {
    UNKNOWN("unknown"),
    COMPLETED("completed"),
    PENDING("pending"),
    CANCELLED("cancelled"),
    PO_UPLOAD_COMPLETE("po_upload_complete");

    private final String wireName;

    OrderStatus(String wireName) {
        this.wireName = wireName;
    }

    /** Lenient, case-insensitive and ignoring {@code _}; an unknown value is UNKNOWN with the raw kept. */
    public static Coded<OrderStatus> parse(String raw) {
        return Coded.parse(OrderStatus.class, raw);
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
