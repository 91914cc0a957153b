package dev.pcorders.adapter.http.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Keeps one token until shortly before it expires. Both methods hold the monitor while a new token
 * is fetched, so callers that arrive during a refresh wait for it and reuse its result instead of
 * each asking the token endpoint.
 */
final class TokenCache {

    private final Clock clock;
    private final Duration expiryBuffer;
    private final Supplier<AccessToken> issuer;
    private AccessToken cached;
    private Instant renewAt = Instant.MIN;

    TokenCache(Clock clock, Duration expiryBuffer, Supplier<AccessToken> issuer) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.expiryBuffer = Objects.requireNonNull(expiryBuffer, "expiryBuffer");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    synchronized AccessToken current() {
        if (cached == null || !clock.instant().isBefore(renewAt)) {
            replace();
        }
        return cached;
    }

    synchronized AccessToken refreshedAfter(AccessToken rejected) {
        boolean alreadyReplaced = cached != null && !cached.value().equals(rejected.value())
                && clock.instant().isBefore(renewAt);
        if (!alreadyReplaced) {
            replace();
        }
        return cached;
    }

    private void replace() {
        Instant issuedAt = clock.instant();
        AccessToken fresh = issuer.get();
        Duration lifetime = Duration.between(issuedAt, fresh.expiresAt());
        // A token that lives shorter than the buffer would otherwise be fetched again on every call.
        Duration useFor = lifetime.minus(expiryBuffer);
        if (useFor.compareTo(lifetime.dividedBy(2)) < 0) {
            useFor = lifetime.dividedBy(2);
        }
        cached = fresh;
        renewAt = issuedAt.plus(useFor);
    }
}
