package dev.pcorders.adapter.http.order;

import dev.pcorders.domain.shared.InputQuote;
import java.util.Locale;

/**
 * How a billing cycle goes into the {@code billingType} query parameter. The REST reference says
 * int32; the SDKs sent names. The service binds either, so the integer is the default and the name
 * ({@code one_time}) is a setting ({@code billing-type-encoding: integer | name}).
 */
public enum BillingTypeEncoding {
    INTEGER,
    NAME;

    /** {@code integer} or {@code name}, in any case. */
    public static BillingTypeEncoding parse(String text) {
        if (text != null) {
            String wanted = text.strip().toLowerCase(Locale.ROOT);
            for (BillingTypeEncoding value : values()) {
                if (value.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return value;
                }
            }
        }
        throw new IllegalArgumentException("billing-type-encoding must be integer or name, got " + InputQuote.quote(text));
    }
}
