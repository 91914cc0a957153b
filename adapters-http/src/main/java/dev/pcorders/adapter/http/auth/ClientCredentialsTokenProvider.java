package dev.pcorders.adapter.http.auth;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * App-only tokens through the OAuth client credentials grant: the application's id and secret,
 * scope {@value EntraTokenEndpoint#PARTNER_CENTER_SCOPE}. Cached until shortly before expiry.
 */
public final class ClientCredentialsTokenProvider implements AccessTokenProvider {

    private final TokenCache cache;

    public ClientCredentialsTokenProvider(EntraTokenEndpoint endpoint, String clientId, String clientSecret) {
        this(endpoint, clientId, clientSecret, Clock.systemUTC());
    }

    ClientCredentialsTokenProvider(EntraTokenEndpoint endpoint, String clientId, String clientSecret, Clock clock) {
        Objects.requireNonNull(endpoint, "endpoint");
        requireText(clientId, "client id");
        requireText(clientSecret, "client secret");
        TokenEndpointClient client = new TokenEndpointClient(endpoint, clock);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("scope", EntraTokenEndpoint.PARTNER_CENTER_SCOPE);
        Map<String, String> fixedForm = Map.copyOf(form);
        this.cache = new TokenCache(clock, endpoint.expiryBuffer(), () -> client.request(fixedForm).accessToken());
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            // Never quote the value: it may be a secret.
            throw new IllegalArgumentException(what + " is required");
        }
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
        return "ClientCredentialsTokenProvider[clientSecret=<redacted>]";
    }
}
