package dev.pcorders.adapter.http.auth;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * App+User tokens through the OAuth refresh token grant. Entra rotates refresh tokens: each answer
 * may carry a new one, which replaces the old one for the next refresh, so a long-running process
 * does not keep using a refresh token that is ageing out. The current refresh token can be read back
 * ({@link #currentRefreshToken()}) for the caller to persist.
 */
public final class RefreshTokenProvider implements AccessTokenProvider {

    private final TokenCache cache;
    private final TokenEndpointClient client;
    private final String clientId;
    private final Optional<String> clientSecret;
    private volatile String refreshToken;

    /** @param clientSecret present for a confidential (web) application, empty for a public client */
    public RefreshTokenProvider(EntraTokenEndpoint endpoint, String clientId, Optional<String> clientSecret,
            String refreshToken) {
        this(endpoint, clientId, clientSecret, refreshToken, Clock.systemUTC());
    }

    RefreshTokenProvider(EntraTokenEndpoint endpoint, String clientId, Optional<String> clientSecret,
            String refreshToken, Clock clock) {
        Objects.requireNonNull(endpoint, "endpoint");
        ClientCredentialsTokenProvider.requireText(clientId, "client id");
        Objects.requireNonNull(clientSecret, "clientSecret");
        clientSecret.ifPresent(secret -> ClientCredentialsTokenProvider.requireText(secret, "client secret"));
        ClientCredentialsTokenProvider.requireText(refreshToken, "refresh token");
        this.client = new TokenEndpointClient(endpoint, clock);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.cache = new TokenCache(clock, endpoint.expiryBuffer(), this::redeem);
    }

    // Runs under the cache's monitor, so two redemptions of the same refresh token never race.
    private AccessToken redeem() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        clientSecret.ifPresent(secret -> form.put("client_secret", secret));
        form.put("refresh_token", refreshToken);
        form.put("scope", EntraTokenEndpoint.PARTNER_CENTER_SCOPE + " offline_access");
        TokenEndpointClient.Grant grant = client.request(form);
        grant.refreshToken().ifPresent(rotated -> refreshToken = rotated);
        return grant.accessToken();
    }

    /** The refresh token to use next time: the rotated one when Entra sent one back. */
    public String currentRefreshToken() {
        return refreshToken;
    }

    @Override
    public AccessToken currentToken() {
        return cache.current();
    }

    @Override
    public AccessToken refreshedToken(AccessToken rejected) {
        return cache.refreshedAfter(rejected);
    }

    @Override
    public String toString() {
        return "RefreshTokenProvider[refreshToken=<redacted>, clientSecret=<redacted>]";
    }
}
