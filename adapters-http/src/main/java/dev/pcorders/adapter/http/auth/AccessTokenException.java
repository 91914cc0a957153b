package dev.pcorders.adapter.http.auth;

import java.util.Optional;

/**
 * The token endpoint did not give a token. Carries the OAuth error code ({@code invalid_client},
 * {@code invalid_grant}, ...) and the endpoint's description, never a secret or a token.
 */
public final class AccessTokenException extends RuntimeException {

    private final Optional<String> oauthError;
    private final boolean isTransient;

    public AccessTokenException(String message, Optional<String> oauthError, boolean isTransient, Throwable cause) {
        super(message, cause);
        this.oauthError = oauthError;
        this.isTransient = isTransient;
    }

    /** The OAuth {@code error} code, when the endpoint sent one. */
    public Optional<String> oauthError() {
        return oauthError;
    }

    /** True when asking again later may work (endpoint down, timeout), false for refused credentials. */
    public boolean isTransient() {
        return isTransient;
    }
}
