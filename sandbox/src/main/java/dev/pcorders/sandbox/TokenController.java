package dev.pcorders.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.net.URLDecoder;
import org.reactivestreams.Publisher;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An Entra ID look-alike token endpoint, {@code POST /{tenant}/oauth2/v2.0/token}, for the client
 * credentials and refresh token grants. Refresh tokens rotate: each is good once, and a redeemed one
 * is refused with {@code invalid_grant}, as Entra does for a reused token. Any other non-empty refresh
 * token is accepted, so a partner can start from whatever token their configuration holds.
 */
@Controller
@Requires(property = SandboxServer.ENABLED_PROPERTY, value = "true")
final class TokenController {

    static final String DEFAULT_SCOPE = "https://api.partnercenter.microsoft.com/.default";
    private static final int LIFETIME_SECONDS = 3599;

    private final SandboxState state;

    TokenController(SandboxState state) {
        this.state = state;
    }

    @Post(uri = "/{tenant}/oauth2/v2.0/token", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<Publisher<byte[]>> token(String tenant, @Body String body) {
        Map<String, String> form = parseForm(body);
        String grant = form.getOrDefault("grant_type", "");
        String clientId = form.getOrDefault("client_id", "");
        if (grant.isEmpty()) {
            return Responses.tokenError(HttpStatus.BAD_REQUEST, "invalid_request", 900144,
                    "The request body must contain the following parameter: 'grant_type'.");
        }
        if (clientId.isEmpty()) {
            return Responses.tokenError(HttpStatus.BAD_REQUEST, "invalid_request", 900144,
                    "The request body must contain the following parameter: 'client_id'.");
        }
        String scope = form.getOrDefault("scope", DEFAULT_SCOPE);
        switch (grant) {
            case "client_credentials":
                if (form.getOrDefault("client_secret", "").isEmpty()
                        && form.getOrDefault("client_assertion", "").isEmpty()) {
                    return Responses.tokenError(HttpStatus.UNAUTHORIZED, "invalid_client", 7000215,
                            "Invalid client secret provided.");
                }
                return issue(tenant, scope, false);
            case "refresh_token":
                String refreshToken = form.getOrDefault("refresh_token", "");
                if (refreshToken.isEmpty()) {
                    return Responses.tokenError(HttpStatus.BAD_REQUEST, "invalid_request", 900144,
                            "The request body must contain the following parameter: 'refresh_token'.");
                }
                if (!state.redeem(refreshToken)) {
                    return Responses.tokenError(HttpStatus.BAD_REQUEST, "invalid_grant", 70008,
                            "The provided authorization code or refresh token has expired due to inactivity "
                                    + "or has already been redeemed.");
                }
                return issue(tenant, scope, true);
            default:
                return Responses.tokenError(HttpStatus.BAD_REQUEST, "unsupported_grant_type", 70003,
                        "The app requested an unsupported grant type '" + grant + "'.");
        }
    }

    private MutableHttpResponse<Publisher<byte[]>> issue(String tenant, String scope, boolean withRefreshToken) {
        SplittableRandom random = state.tokenRandom();
        String accessToken = accessToken(random, tenant);
        String refreshToken = withRefreshToken ? "0.sandbox." + Seeds.orderId(random) + Seeds.orderId(random) : null;
        byte[] body = Responses.json(json -> {
            json.writeStartObject();
            json.writeStringField("token_type", "Bearer");
            if (withRefreshToken) {
                json.writeStringField("scope", scope);
            }
            json.writeNumberField("expires_in", LIFETIME_SECONDS);
            json.writeNumberField("ext_expires_in", LIFETIME_SECONDS);
            json.writeStringField("access_token", accessToken);
            if (refreshToken != null) {
                json.writeStringField("refresh_token", refreshToken);
            }
            json.writeEndObject();
        });
        return HttpResponse.ok(Responses.chunk(body)).contentType(Responses.JSON)
                .header("Cache-Control", "no-store, no-cache")
                .header("Pragma", "no-cache");
    }

    /** JWT-shaped but unsigned: the sandbox only checks that a bearer token is there. */
    private static String accessToken(SplittableRandom random, String tenant) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"typ\":\"JWT\",\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(("{\"aud\":\"https://api.partnercenter.microsoft.com\",\"tid\":\""
                + tenant.replace("\"", "") + "\",\"jti\":\"" + Seeds.guid(random) + "\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + Seeds.orderId(random);
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        if (body == null) {
            return form;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name, value.strip());
        }
        return form;
    }
}
