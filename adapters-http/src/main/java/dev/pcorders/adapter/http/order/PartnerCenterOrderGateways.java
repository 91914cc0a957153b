package dev.pcorders.adapter.http.order;

import dev.pcorders.adapter.http.auth.AccessTokenProvider;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterHttp;
import dev.pcorders.adapter.http.partnercenter.Sleeper;
import dev.pcorders.domain.shared.ScopedQuery;
import java.time.Clock;

/**
 * The module's entry point: an {@link dev.pcorders.application.order.port.out.OrderGateway} on
 * Partner Center, from settings and a token provider. Needs no Micronaut context of the caller's.
 * <pre>{@code
 * try (CloseableOrderGateway gateway = PartnerCenterOrderGateways.open(
 *         PartnerCenterClientSettings.defaults(), new ClientCredentialsTokenProvider(endpoint, id, secret))) {
 *     gateway.fetchPages(ScopedQuery.of(scope)).forEach(page -> ...);
 * }
 * }</pre>
 */
public final class PartnerCenterOrderGateways {

    private PartnerCenterOrderGateways() {
    }

    /** With {@code billingType} sent as Partner Center's integer codes ({@link BillingTypeEncoding#INTEGER}). */
    public static CloseableOrderGateway open(PartnerCenterClientSettings settings, AccessTokenProvider tokens) {
        return open(settings, BillingTypeEncoding.INTEGER, tokens);
    }

    public static CloseableOrderGateway open(PartnerCenterClientSettings settings, BillingTypeEncoding billingTypeEncoding,
            AccessTokenProvider tokens) {
        return new PartnerCenterOrderGateway(PartnerCenterHttp.open(settings, tokens), new OrderJsonDecoder(),
                billingTypeEncoding);
    }

    /** As {@link #open(PartnerCenterClientSettings, AccessTokenProvider)}, with retry waits and deadline on the given clock. */
    public static CloseableOrderGateway open(PartnerCenterClientSettings settings, AccessTokenProvider tokens, Clock clock,
            Sleeper sleeper) {
        return open(settings, BillingTypeEncoding.INTEGER, tokens, clock, sleeper);
    }

    /** As {@link #open(PartnerCenterClientSettings, BillingTypeEncoding, AccessTokenProvider)}, with retry waits and deadline on the given clock. */
    public static CloseableOrderGateway open(PartnerCenterClientSettings settings, BillingTypeEncoding billingTypeEncoding,
            AccessTokenProvider tokens, Clock clock, Sleeper sleeper) {
        return new PartnerCenterOrderGateway(PartnerCenterHttp.open(settings, tokens, clock, sleeper), new OrderJsonDecoder(),
                billingTypeEncoding);
    }

    /** The gateway's decoder on its own, for orders JSON obtained without the gateway; no HTTP client is opened. */
    public static OrderDocumentDecoder decoder() {
        return new OrderJsonDecoder();
    }
}
