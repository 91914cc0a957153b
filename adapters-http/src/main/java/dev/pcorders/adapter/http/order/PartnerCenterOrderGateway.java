package dev.pcorders.adapter.http.order;

import dev.pcorders.adapter.http.partnercenter.PartnerCenterHttp;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ScopedQuery;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code GET /v1/customers/{customer_id}/orders} on the shared Partner Center client: builds the
 * path from the scope and decodes each page; headers, retries, errors and paging are the shared client's.
 */
final class PartnerCenterOrderGateway implements CloseableOrderGateway {

    private final PartnerCenterHttp http;
    private final OrderJsonDecoder decoder;
    private final BillingTypeEncoding billingTypeEncoding;

    PartnerCenterOrderGateway(PartnerCenterHttp http, OrderJsonDecoder decoder, BillingTypeEncoding billingTypeEncoding) {
        this.http = Objects.requireNonNull(http, "http");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.billingTypeEncoding = Objects.requireNonNull(billingTypeEncoding, "billingTypeEncoding");
    }

    @Override
    public Stream<Page<Order>> fetchPages(ScopedQuery<OrderScope> query) {
        Objects.requireNonNull(query, "query");
        String path = OrderRequestPath.of(query.scope(), billingTypeEncoding);
        return http.pages(path, query.correlationId(), decoder::openPage);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "PartnerCenterOrderGateway[" + http.settings().baseUrl() + "]";
    }
}
