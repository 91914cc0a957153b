package dev.pcorders.adapter.http.auth;

/**
 * Where the bearer token for Partner Center comes from. Implementations are thread-safe and cache
 * the token: {@link #currentToken()} is called before every request.
 */
public interface AccessTokenProvider {

    /**
     * A token valid for a while yet.
     *
     * @throws AccessTokenException when no token can be obtained
     */
    AccessToken currentToken();

    /**
     * A new token, because Partner Center answered 401 to {@code rejected}. When another caller has
     * already replaced {@code rejected}, that newer token is returned without asking again, so a burst
     * of 401s from parallel fetches costs one refresh.
     *
     * @throws AccessTokenException when no token can be obtained
     */
    AccessToken refreshedToken(AccessToken rejected);
}
