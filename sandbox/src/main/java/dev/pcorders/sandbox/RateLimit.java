package dev.pcorders.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Partner Center's "N requests per minute per tenant" as a sliding window: a request is admitted while fewer than N
 * requests of its tenant were admitted in the 60 seconds before it. Sliding rather than fixed so no 60 seconds ever
 * hold more than N, as a client tuned against it must also survive the real service's unpublished window; and so
 * {@code Retry-After} is exact: the time until the oldest admitted request leaves the window. Refused requests take
 * no place in the window, so a client that honours {@code Retry-After} is admitted when it comes back.
 * <p>
 * The tenant is the {@code tid} claim of the bearer token, as the sandbox's token endpoint writes it (Partner Center
 * limits per partner tenant); a token without one (tests send {@code Bearer test-token}) counts against one shared
 * tenant, {@link #SHARED_TENANT}.
 */
final class RateLimit {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final String SHARED_TENANT = "sandbox";
    private static final JsonFactory JSON = new JsonFactory();

    private final OptionalInt perMinute;
    /** Admission instants per tenant, oldest first; at most {@code perMinute} each, so the memory is bounded. */
    private final Map<String, ArrayDeque<Instant>> admitted = new ConcurrentHashMap<>();

    RateLimit(OptionalInt perMinute) {
        this.perMinute = perMinute;
    }

    /** Empty if the request is admitted (and counted); else the whole seconds until it would be, at least 1. */
    OptionalInt admit(String tenant, Instant now) {
        if (perMinute.isEmpty()) {
            return OptionalInt.empty();
        }
        ArrayDeque<Instant> window = admitted.computeIfAbsent(tenant, any -> new ArrayDeque<>());
        synchronized (window) {
            Instant opened = now.minus(WINDOW);
            while (!window.isEmpty() && !window.peekFirst().isAfter(opened)) {
                window.pollFirst();
            }
            if (window.size() < perMinute.getAsInt()) {
                window.addLast(now);
                return OptionalInt.empty();
            }
            Duration wait = Duration.between(now, window.peekFirst().plus(WINDOW));
            long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
            return OptionalInt.of((int) Math.max(1, seconds));
        }
    }

    /** The tenant a request counts against, from its {@code Authorization} header. */
    static String tenantOf(Optional<String> authorization) {
        return authorization.flatMap(RateLimit::tidClaim).orElse(SHARED_TENANT);
    }

    private static Optional<String> tidClaim(String authorization) {
        String[] words = authorization.strip().split("\\s+", 2);
        if (words.length < 2) {
            return Optional.empty();
        }
        String[] parts = words[1].split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try (JsonParser json = JSON.createParser(Base64.getUrlDecoder().decode(parts[1]))) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.getCurrentName();
                JsonToken value = json.nextToken();
                if ("tid".equals(name) && value == JsonToken.VALUE_STRING) {
                    return Optional.of(json.getText()).filter(tid -> !tid.isBlank());
                }
                json.skipChildren();
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException notAJwt) {
            return Optional.empty();
        }
    }
}
