package dev.pcorders.adapter.http.subscription;

import dev.pcorders.adapter.http.auth.AccessTokenProvider;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterHttp;
import dev.pcorders.adapter.http.partnercenter.Sleeper;
import java.time.Clock;

/**
 * The entry point for subscriptions: a {@link dev.pcorders.application.subscription.port.out.SubscriptionGateway}
 * on Partner Center, from settings and a token provider. Needs no Micronaut context of the caller's.
 * <pre>{@code
 * try (CloseableSubscriptionGateway gateway = PartnerCenterSubscriptionGateways.open(
 *         PartnerCenterClientSettings.defaults(), new ClientCredentialsTokenProvider(endpoint, id, secret))) {
 *     gateway.fetchPages(ScopedQuery.of(new SubscriptionScope(customer))).forEach(page -> ...);
 * }
 * }</pre>
 */
public final class PartnerCenterSubscriptionGateways {

    private PartnerCenterSubscriptionGateways() {
    }

    public static CloseableSubscriptionGateway open(PartnerCenterClientSettings settings, AccessTokenProvider tokens) {
        return new PartnerCenterSubscriptionGateway(PartnerCenterHttp.open(settings, tokens), new SubscriptionJsonDecoder());
    }

    /** As {@link #open(PartnerCenterClientSettings, AccessTokenProvider)}, with retry waits and deadline on the given clock. */
    public static CloseableSubscriptionGateway open(PartnerCenterClientSettings settings, AccessTokenProvider tokens,
            Clock clock, Sleeper sleeper) {
        return new PartnerCenterSubscriptionGateway(PartnerCenterHttp.open(settings, tokens, clock, sleeper),
                new SubscriptionJsonDecoder());
    }
}
