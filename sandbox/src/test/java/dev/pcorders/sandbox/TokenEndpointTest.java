package dev.pcorders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Entra ID look-alike token endpoint: both grants, rotation, and the OAuth error shape. */
class TokenEndpointTest {

    private static SandboxServer sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static HttpResponse<byte[]> token(String form) {
        return Http.postForm(sandbox.tokenEndpoint("contoso.onmicrosoft.com"), form);
    }

    @Test
    void clientCredentialsGiveABearerTokenThatTheOrdersEndpointAccepts() {
        HttpResponse<byte[]> response = token("grant_type=client_credentials&client_id=app&client_secret=s3cr%26t"
                + "&scope=https%3A%2F%2Fapi.partnercenter.microsoft.com%2F.default");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isPositive();
        assertThat(body.get("access_token").asText()).isNotBlank();
        assertThat(body.has("refresh_token")).isFalse();

        HttpResponse<byte[]> orders = Http.get(sandbox.ordersUrl(sandbox.customerIds().get(0)),
                "Authorization", "Bearer " + body.get("access_token").asText());
        assertThat(orders.statusCode()).isEqualTo(200);
    }

    @Test
    void clientCredentialsWithoutASecretAreRefused() {
        HttpResponse<byte[]> response = token("grant_type=client_credentials&client_id=app");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void refreshRotatesTheRefreshTokenAndAUsedOneIsRefused() {
        HttpResponse<byte[]> first = token("grant_type=refresh_token&client_id=app&refresh_token=initial-token");
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode firstBody = Http.json(first);
        String rotated = firstBody.get("refresh_token").asText();
        assertThat(rotated).isNotBlank().isNotEqualTo("initial-token");
        assertThat(firstBody.get("access_token").asText()).isNotBlank();
        assertThat(firstBody.get("scope").asText()).isEqualTo(sandbox.defaultScope());

        HttpResponse<byte[]> again = token("grant_type=refresh_token&client_id=app&refresh_token=initial-token");
        assertThat(again.statusCode()).isEqualTo(400);
        JsonNode error = Http.json(again);
        assertThat(error.get("error").asText()).isEqualTo("invalid_grant");
        assertThat(error.get("error_codes").get(0).asInt()).isEqualTo(70008);

        HttpResponse<byte[]> second = token("grant_type=refresh_token&client_id=app&refresh_token=" + rotated);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(Http.json(second).get("refresh_token").asText()).isNotEqualTo(rotated);
    }

    @Test
    void unsupportedGrantsAndMissingParametersAreOAuthErrors() {
        HttpResponse<byte[]> password = token("grant_type=password&client_id=app&username=u&password=p");
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(Http.json(password).get("error").asText()).isEqualTo("unsupported_grant_type");

        HttpResponse<byte[]> noClient = token("grant_type=client_credentials&client_secret=x");
        assertThat(noClient.statusCode()).isEqualTo(400);
        assertThat(Http.json(noClient).get("error").asText()).isEqualTo("invalid_request");

        HttpResponse<byte[]> noRefresh = token("grant_type=refresh_token&client_id=app");
        assertThat(Http.json(noRefresh).get("error").asText()).isEqualTo("invalid_request");
    }
}
