package dev.pcorders.adapter.http.subscription;

import dev.pcorders.adapter.http.partnercenter.PartnerCenterHttp;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ScopedQuery;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionScope;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code GET /v1/customers/{customer_id}/subscriptions} on the shared Partner Center client: builds the path from
 * the scope and decodes each page; headers, retries, errors and paging ({@code links.next}) are the shared client's.
 */
final class PartnerCenterSubscriptionGateway implements CloseableSubscriptionGateway {

    private final PartnerCenterHttp http;
    private final SubscriptionJsonDecoder decoder;

    PartnerCenterSubscriptionGateway(PartnerCenterHttp http, SubscriptionJsonDecoder decoder) {
        this.http = Objects.requireNonNull(http, "http");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    @Override
    public Stream<Page<Subscription>> fetchPages(ScopedQuery<SubscriptionScope> query) {
        Objects.requireNonNull(query, "query");
        SubscriptionScope scope = query.scope();
        return http.pages(SubscriptionRequestPath.of(scope), query.correlationId(),
                (response, pageNumber) -> decoder.openPage(scope.customer(), response, pageNumber));
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "PartnerCenterSubscriptionGateway[" + http.settings().baseUrl() + "]";
    }
}
