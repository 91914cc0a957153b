package dev.pcorders.adapter.http.order;

import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.OrderScope;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * {@code /customers/{customer_id}/orders} with each filter only when the scope sets it: Partner
 * Center's defaults (no reseller filter, any billing cycle, no prices, no system purchases) are
 * expressed by leaving the parameter out.
 */
final class OrderRequestPath {

    private OrderRequestPath() {
    }

    static String of(OrderScope scope, BillingTypeEncoding encoding) {
        // CustomerId and ResellerId hold parsed UUIDs, so only a GUID can reach the path or the query.
        StringBuilder path = new StringBuilder("/customers/").append(encode(scope.customer().toString())).append("/orders");
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        scope.reseller().ifPresent(reseller -> query.add("indirect_reseller_id=" + encode(reseller.toString())));
        scope.billingType().ifPresent(cycle -> query.add("billingType=" + encode(billingType(cycle, encoding))));
        if (scope.includePrice()) {
            query.add("include_price=true");
        }
        if (scope.includeSystemPurchases()) {
            query.add("include_system_purchases=true");
        }
        return path.append(query).toString();
    }

    static String billingType(BillingCycle cycle, BillingTypeEncoding encoding) {
        return encoding == BillingTypeEncoding.NAME ? cycle.wireName() : Integer.toString(cycle.partnerCenterCode());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
