package dev.pcorders.bootstrap;

import dev.pcorders.adapter.http.auth.AccessTokenProvider;
import dev.pcorders.adapter.http.auth.ClientCredentialsTokenProvider;
import dev.pcorders.adapter.http.auth.EntraTokenEndpoint;
import dev.pcorders.adapter.http.auth.RefreshTokenProvider;
import dev.pcorders.adapter.http.auth.StaticAccessTokenProvider;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * How pc-orders authenticates, from whichever values are set: a bearer token used as is; or client
 * credentials (tenant, client id, secret: App-only); or a refresh token with the client id (App+User).
 * Holds secrets, so {@link #toString()} names only which kind it is.
 */
public final class PartnerCenterCredentials {

    /** The environment variables the command line reads; named in every "missing credentials" message. */
    public static final String ACCESS_TOKEN = "PC_ORDERS_ACCESS_TOKEN";
    public static final String TENANT_ID = "PC_ORDERS_TENANT_ID";
    public static final String CLIENT_ID = "PC_ORDERS_CLIENT_ID";
    public static final String CLIENT_SECRET = "PC_ORDERS_CLIENT_SECRET";
    public static final String REFRESH_TOKEN = "PC_ORDERS_REFRESH_TOKEN";

    static final String HOW_TO = "set " + ACCESS_TOKEN + " (a bearer token); or " + TENANT_ID + ", " + CLIENT_ID
            + " and " + CLIENT_SECRET + " (client credentials); or " + REFRESH_TOKEN + " with " + TENANT_ID + " and "
            + CLIENT_ID + " (and " + CLIENT_SECRET + " for a confidential app)";

    private final Optional<String> accessToken;
    private final Optional<String> tenantId;
    private final Optional<String> clientId;
    private final Optional<String> clientSecret;
    private final Optional<String> refreshToken;

    public PartnerCenterCredentials(Optional<String> accessToken, Optional<String> tenantId, Optional<String> clientId,
                                    Optional<String> clientSecret, Optional<String> refreshToken) {
        this.accessToken = present(accessToken);
        this.tenantId = present(tenantId);
        this.clientId = present(clientId);
        this.clientSecret = present(clientSecret);
        this.refreshToken = present(refreshToken);
    }

    /** From the {@code PC_ORDERS_*} variables of {@code environment}; unset and blank are the same. */
    public static PartnerCenterCredentials fromEnvironment(Map<String, String> environment) {
        return new PartnerCenterCredentials(Optional.ofNullable(environment.get(ACCESS_TOKEN)),
                Optional.ofNullable(environment.get(TENANT_ID)), Optional.ofNullable(environment.get(CLIENT_ID)),
                Optional.ofNullable(environment.get(CLIENT_SECRET)), Optional.ofNullable(environment.get(REFRESH_TOKEN)));
    }

    /** Whether any way to authenticate was given at all. */
    public boolean isConfigured() {
        return accessToken.isPresent() || tenantId.isPresent() || clientId.isPresent() || clientSecret.isPresent()
                || refreshToken.isPresent();
    }

    /**
     * The token provider these credentials describe; a bearer token wins over a refresh token, which
     * wins over client credentials.
     *
     * @param authority the Entra host tokens come from (https://login.microsoftonline.com for Microsoft's cloud)
     * @throws IllegalArgumentException naming what is missing when the values describe no complete flow
     */
    public AccessTokenProvider tokenProvider(URI authority) {
        if (accessToken.isPresent()) {
            return new StaticAccessTokenProvider(accessToken.get());
        }
        if (refreshToken.isPresent()) {
            EntraTokenEndpoint endpoint = endpoint(authority, "a refresh token");
            return new RefreshTokenProvider(endpoint, required(clientId, CLIENT_ID, "a refresh token"), clientSecret,
                    refreshToken.get());
        }
        if (tenantId.isPresent() || clientId.isPresent() || clientSecret.isPresent()) {
            EntraTokenEndpoint endpoint = endpoint(authority, "client credentials");
            return new ClientCredentialsTokenProvider(endpoint, required(clientId, CLIENT_ID, "client credentials"),
                    required(clientSecret, CLIENT_SECRET, "client credentials"));
        }
        throw new IllegalArgumentException("no Partner Center credentials: " + HOW_TO);
    }

    private EntraTokenEndpoint endpoint(URI authority, String flow) {
        return EntraTokenEndpoint.forTenant(required(tenantId, TENANT_ID, flow)).withAuthority(authority);
    }

    private static String required(Optional<String> value, String variable, String flow) {
        return value.orElseThrow(() -> new IllegalArgumentException(
                "incomplete Partner Center credentials: " + flow + " need " + variable + "; " + HOW_TO));
    }

    private static Optional<String> present(Optional<String> value) {
        return value.map(String::strip).filter(text -> !text.isEmpty());
    }

    @Override
    public String toString() {
        String kind = accessToken.isPresent() ? "access token" : refreshToken.isPresent() ? "refresh token"
                : isConfigured() ? "client credentials" : "none";
        return "PartnerCenterCredentials[" + kind + "]";
    }
}
