package dev.pcorders.adapter.http.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and the instant it stops being valid. {@link #toString()} never shows the token,
 * so a token that ends up in a log line or an exception message by accident is still safe.
 */
public record AccessToken(String value, Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(value, "token value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (value.isBlank()) {
            throw new IllegalArgumentException("access token must not be blank");
        }
        // A token goes into a header line: a CR or LF in it would let a token endpoint inject headers.
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("access token must not contain control characters");
        }
    }

    /** The Authorization header value. */
    public String bearerHeader() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "AccessToken[value=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
