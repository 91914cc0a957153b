package dev.pcorders.domain.customer;

import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.OpenEnum;

/** How a customer is tied to the partner. Open: the service adds values, and an unknown one is kept raw. */
public enum RelationshipToPartner implements OpenEnum {
    UNKNOWN("unknown"),
    NONE("none"),
    RESELLER("reseller"),
    ADVISOR("advisor");

    private final String wireName;

    RelationshipToPartner(String wireName) {
        this.wireName = wireName;
    }

    /** Lenient, case-insensitive and ignoring {@code _}; an unknown value is UNKNOWN with the raw kept. */
    public static Coded<RelationshipToPartner> parse(String raw) {
        return Coded.parse(RelationshipToPartner.class, raw);
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
