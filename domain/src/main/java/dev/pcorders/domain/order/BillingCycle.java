package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.OpenEnum;
import java.util.Optional;

/** Partner Center's BillingCycleType, with the integers the {@code billingType} query parameter takes. */
public enum BillingCycle implements OpenEnum {
    UNKNOWN(0, "unknown"),
    MONTHLY(1, "monthly"),
    ANNUAL(2, "annual"),
    NONE(3, "none"),
    ONE_TIME(4, "one_time"),
    TRIENNIAL(5, "triennial"),
    BIENNIAL(6, "biennial");

    private final int partnerCenterCode;
    private final String wireName;

    BillingCycle(int partnerCenterCode, String wireName) {
        this.partnerCenterCode = partnerCenterCode;
        this.wireName = wireName;
    }

    /** Lenient: {@code "Annual"}, {@code "one_time"}, {@code "OneTime"}; anything else is UNKNOWN with the raw kept. */
    public static Coded<BillingCycle> parse(String raw) {
        return Coded.parse(BillingCycle.class, raw);
    }

    /** The constant for a Partner Center integer, if the integer is one this build knows. */
    public static Optional<BillingCycle> fromPartnerCenterCode(int code) {
        for (BillingCycle cycle : values()) {
            if (cycle.partnerCenterCode == code) {
                return Optional.of(cycle);
            }
        }
        return Optional.empty();
    }

    public int partnerCenterCode() {
        return partnerCenterCode;
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
