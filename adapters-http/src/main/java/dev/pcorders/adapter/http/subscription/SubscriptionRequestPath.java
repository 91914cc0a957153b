package dev.pcorders.adapter.http.subscription;

import dev.pcorders.domain.subscription.SubscriptionScope;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code /customers/{customer_id}/subscriptions}: the scope takes no filter yet, so there is no query. */
final class SubscriptionRequestPath {

    private SubscriptionRequestPath() {
    }

    static String of(SubscriptionScope scope) {
        // CustomerId holds a parsed UUID, so only a GUID can reach the path; encoded all the same.
        return "/customers/" + URLEncoder.encode(scope.customer().toString(), StandardCharsets.UTF_8).replace("+", "%20")
                + "/subscriptions";
    }
}
