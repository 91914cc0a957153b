package dev.pcorders.adapter.http.customer;

import dev.pcorders.adapter.http.auth.AccessTokenProvider;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterHttp;
import dev.pcorders.adapter.http.partnercenter.Sleeper;
import java.time.Clock;

/**
 * The entry point for the partner's customer list: a {@link dev.pcorders.application.customer.port.out.CustomerGateway}
 * on Partner Center, from settings and a token provider. Needs no Micronaut context of the caller's.
 * <pre>{@code
 * try (CloseableCustomerGateway gateway = PartnerCenterCustomerGateways.open(
 *         PartnerCenterClientSettings.defaults(), new ClientCredentialsTokenProvider(endpoint, id, secret))) {
 *     gateway.fetchPages(ScopedQuery.of(CustomerListScope.ALL)).forEach(page -> ...);
 * }
 * }</pre>
 */
public final class PartnerCenterCustomerGateways {

    /** Customers asked for per request unless the caller chooses: 40, as Microsoft's samples and SDKs ask. */
    public static final int DEFAULT_PAGE_SIZE = CustomerRequestPath.DEFAULT_PAGE_SIZE;
    /** The largest page size {@link #open(PartnerCenterClientSettings, int, AccessTokenProvider)} takes. */
    public static final int MAX_PAGE_SIZE = CustomerRequestPath.MAX_PAGE_SIZE;

    private PartnerCenterCustomerGateways() {
    }

    /**
     * {@code pageSize} when {@link #open(PartnerCenterClientSettings, int, AccessTokenProvider)} would take it, so a
     * caller can refuse a bad setting when it is given rather than at the first listing.
     *
     * @throws IllegalArgumentException for a page size out of 1 to {@value #MAX_PAGE_SIZE}, saying what was given
     */
    public static int checkedPageSize(int pageSize) {
        return CustomerRequestPath.checkedPageSize(pageSize);
    }

    public static CloseableCustomerGateway open(PartnerCenterClientSettings settings, AccessTokenProvider tokens) {
        return open(settings, DEFAULT_PAGE_SIZE, tokens);
    }

    /**
     * @param pageSize customers per request, 1 to {@value #MAX_PAGE_SIZE}: fewer requests against a bigger response
     * @throws IllegalArgumentException for a page size out of range, before any client is opened
     */
    public static CloseableCustomerGateway open(PartnerCenterClientSettings settings, int pageSize,
            AccessTokenProvider tokens) {
        CustomerRequestPath.checkedPageSize(pageSize);
        return new PartnerCenterCustomerGateway(PartnerCenterHttp.open(settings, tokens), pageSize);
    }

    /** As {@link #open(PartnerCenterClientSettings, int, AccessTokenProvider)}, with retry waits and deadline on the given clock. */
    public static CloseableCustomerGateway open(PartnerCenterClientSettings settings, int pageSize,
            AccessTokenProvider tokens, Clock clock, Sleeper sleeper) {
        CustomerRequestPath.checkedPageSize(pageSize);
        return new PartnerCenterCustomerGateway(PartnerCenterHttp.open(settings, tokens, clock, sleeper), pageSize);
    }

    /** As {@link #open(PartnerCenterClientSettings, AccessTokenProvider)}, with retry waits and deadline on the given clock. */
    public static CloseableCustomerGateway open(PartnerCenterClientSettings settings, AccessTokenProvider tokens,
            Clock clock, Sleeper sleeper) {
        return open(settings, DEFAULT_PAGE_SIZE, tokens, clock, sleeper);
    }
}
