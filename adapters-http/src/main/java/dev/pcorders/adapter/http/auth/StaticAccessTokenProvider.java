package dev.pcorders.adapter.http.auth;

import java.time.Instant;

/**
 * A token obtained elsewhere (a test, a script that already holds one). It cannot be refreshed:
 * after a 401 the same token is tried once more and the call then fails as unauthorized.
 */
public final class StaticAccessTokenProvider implements AccessTokenProvider {

    private final AccessToken token;

    public StaticAccessTokenProvider(String token) {
        this.token = new AccessToken(token, Instant.MAX);
    }

    @Override
    public AccessToken currentToken() {
        return token;
    }

    @Override
    public AccessToken refreshedToken(AccessToken rejected) {
        return token;
    }

    @Override
    public String toString() {
        return "StaticAccessTokenProvider[token=<redacted>]";
    }
}
