package dev.pcorders.adapter.http.auth;

import dev.pcorders.domain.shared.InputQuote;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one OAuth 2.0 form to Entra's v2.0 token endpoint and reads the answer. Uses the JDK's HTTP
 * client: a token request is one small POST, and this way a token provider owns no event loop that
 * someone would have to close.
 */
final class TokenEndpointClient {

    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpointClient.class);
    /** The longest an access token is trusted, whatever expires_in says. */
    static final Duration LONGEST_TOKEN_LIFE = Duration.ofDays(1);

    private final EntraTokenEndpoint endpoint;
    private final Clock clock;
    private final HttpClient http;

    TokenEndpointClient(EntraTokenEndpoint endpoint, Clock clock) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(endpoint.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** What a successful token response held; the refresh token only when the endpoint sent one. */
    record Grant(AccessToken accessToken, Optional<String> refreshToken) {
        @Override
        public String toString() {
            return "Grant[accessToken=" + accessToken + ", refreshToken=<redacted>]";
        }
    }

    Grant request(Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.tokenUri())
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        Instant sentAt = clock.instant();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AccessTokenException("token endpoint " + endpoint.tokenUri() + " could not be reached: "
                    + e.getClass().getSimpleName(), Optional.empty(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccessTokenException("interrupted while waiting for the token endpoint", Optional.empty(), true, e);
        }
        JsonNode body = parse(response);
        int status = response.statusCode();
        if (status != 200) {
            Optional<String> error = text(body, "error");
            String description = text(body, "error_description").map(InputQuote::quote).orElse("no description");
            throw new AccessTokenException("token endpoint refused the request with HTTP " + status
                    + error.map(code -> ", error " + InputQuote.quote(code)).orElse("") + ": " + description,
                    error, status >= 500 || status == 408 || status == 429, null);
        }
        Optional<String> accessToken = text(body, "access_token");
        if (accessToken.isEmpty() || accessToken.get().isBlank()) {
            throw new AccessTokenException("token endpoint answered 200 without an access_token", Optional.empty(), false, null);
        }
        long expiresIn = expiresIn(body);
        LOG.debug("obtained a Partner Center token valid for {} s", expiresIn);
        try {
            return new Grant(new AccessToken(accessToken.get(), sentAt.plusSeconds(expiresIn)),
                    text(body, "refresh_token").filter(value -> !value.isBlank()));
        } catch (IllegalArgumentException e) {
            // The message of AccessToken's check names the problem, never the token itself.
            throw new AccessTokenException("token endpoint sent an unusable access_token: " + e.getMessage(),
                    Optional.empty(), false, null);
        }
    }

    private static JsonNode parse(HttpResponse<byte[]> response) {
        byte[] bytes = response.body();
        if (bytes == null || bytes.length == 0) {
            return JsonNode.createObjectNode(Map.of());
        }
        try {
            JsonNode node = ObjectMapper.getDefault().readValue(bytes, Argument.of(JsonNode.class));
            return node == null || !node.isObject() ? JsonNode.createObjectNode(Map.of()) : node;
        } catch (IOException | RuntimeException e) {
            // Not JSON (a proxy's HTML page, say): treat as a body without details; the status still decides.
            return JsonNode.createObjectNode(Map.of());
        }
    }

    private static long expiresIn(JsonNode body) {
        JsonNode value = body.get("expires_in");
        String text = value == null ? null
                : value.isNumber() ? value.getNumberValue().toString() : value.isString() ? value.getStringValue().strip() : null;
        if (text != null) {
            try {
                // Within [0, a day]: Entra's tokens live about an hour, and a huge value (1e30, Long.MAX_VALUE) must
                // neither overflow the expiry instant nor keep a token cached for ever.
                BigDecimal seconds = new BigDecimal(text).max(BigDecimal.ZERO).min(BigDecimal.valueOf(LONGEST_TOKEN_LIFE.toSeconds()));
                return seconds.longValue();
            } catch (NumberFormatException e) {
                // fall through to the default below
            }
        }
        // Entra always sends expires_in; if a proxy dropped it, assume a short life rather than forever.
        return Duration.ofMinutes(5).toSeconds();
    }

    private static Optional<String> text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        return value != null && value.isString() ? Optional.of(value.getStringValue()) : Optional.empty();
    }

    private static String encode(Map<String, String> form) {
        StringJoiner joined = new StringJoiner("&");
        new LinkedHashMap<>(form).forEach((key, value) -> joined.add(
                URLEncoder.encode(key, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }
}
