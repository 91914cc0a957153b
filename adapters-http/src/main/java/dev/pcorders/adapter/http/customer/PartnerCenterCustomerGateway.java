package dev.pcorders.adapter.http.customer;

import dev.pcorders.adapter.http.partnercenter.PartnerCenterHttp;
import dev.pcorders.domain.customer.Customer;
import dev.pcorders.domain.customer.CustomerListScope;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ScopedQuery;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code GET /v1/customers?size=N} on the shared Partner Center client. The list is paged by the service, so
 * {@code links.next} and its {@code MS-ContinuationToken} are followed as for any collection, by the shared client.
 */
final class PartnerCenterCustomerGateway implements CloseableCustomerGateway {

    private final PartnerCenterHttp http;
    private final String firstPage;

    PartnerCenterCustomerGateway(PartnerCenterHttp http, int pageSize) {
        this.http = Objects.requireNonNull(http, "http");
        this.firstPage = CustomerRequestPath.of(pageSize);
    }

    @Override
    public Stream<Page<Customer>> fetchPages(ScopedQuery<CustomerListScope> query) {
        Objects.requireNonNull(query, "query");
        return http.pages(firstPage, query.correlationId(), CustomerJsonDecoder::openPage);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "PartnerCenterCustomerGateway[" + http.settings().baseUrl() + ", " + firstPage + "]";
    }
}
