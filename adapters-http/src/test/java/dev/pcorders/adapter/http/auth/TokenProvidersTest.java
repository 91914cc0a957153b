package dev.pcorders.adapter.http.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Both OAuth flows against a token endpoint served on 127.0.0.1. */
class TokenProvidersTest {

    static final String TENANT = "contoso.onmicrosoft.com";
    static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    static final String SECRET = "very-secret-client-secret";
    static WireMockServer entra;

    MutableClock clock;
    EntraTokenEndpoint endpoint;

    @BeforeAll
    static void start() {
        entra = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        entra.start();
    }

    @AfterAll
    static void stop() {
        entra.stop();
    }

    @BeforeEach
    void reset() {
        entra.resetAll();
        clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
        endpoint = EntraTokenEndpoint.forTenant(TENANT).withAuthority(URI.create("http://127.0.0.1:" + entra.port() + "/"));
    }

    static ResponseDefinitionBuilder tokenResponse(String accessToken, long expiresIn, String refreshToken) {
        String refresh = refreshToken == null ? "" : ",\"refresh_token\":\"" + refreshToken + "\"";
        return aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":" + expiresIn
                        + ",\"access_token\":\"" + accessToken + "\"" + refresh + "}");
    }

    static List<Map<String, String>> forms() {
        List<Map<String, String>> forms = new ArrayList<>();
        for (LoggedRequest request : entra.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))) {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : request.getBodyAsString().split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            forms.add(form);
        }
        return forms;
    }

    @Nested
    class ClientCredentials {

        @Test
        void postsTheGrantWithThePartnerCenterScopeAndCachesUntilExpiryMinusBuffer() {
            entra.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("Started").willSetStateTo("2")
                    .willReturn(tokenResponse("access-1", 3600, null)));
            entra.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("2")
                    .willReturn(tokenResponse("access-2", 3600, null)));
            ClientCredentialsTokenProvider provider = new ClientCredentialsTokenProvider(endpoint, "app-id", SECRET, clock);

            AccessToken first = provider.currentToken();
            clock.advance(Duration.ofSeconds(3600 - 121));
            AccessToken stillCached = provider.currentToken();
            clock.advance(Duration.ofSeconds(1));
            AccessToken renewed = provider.currentToken();

            assertThat(first.value()).isEqualTo("access-1");
            assertThat(first.expiresAt()).isEqualTo(Instant.parse("2024-05-01T11:00:00Z"));
            assertThat(stillCached.value()).isEqualTo("access-1");
            assertThat(renewed.value()).isEqualTo("access-2");
            List<Map<String, String>> forms = forms();
            assertThat(forms).hasSize(2);
            assertThat(forms.get(0)).containsEntry("grant_type", "client_credentials").containsEntry("client_id", "app-id")
                    .containsEntry("client_secret", SECRET)
                    .containsEntry("scope", "https://api.partnercenter.microsoft.com/.default");
            LoggedRequest request = entra.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).get(0);
            assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        }

        @Test
        void anExpiresInBeyondADayOrNegativeIsClampedNotAnOverflowOrATokenForEver() {
            Map<String, Instant> expiryFor = new LinkedHashMap<>();
            expiryFor.put("9223372036854775807", clock.instant().plus(Duration.ofDays(1)));
            expiryFor.put("1e30", clock.instant().plus(Duration.ofDays(1)));
            expiryFor.put("31556889864403199", clock.instant().plus(Duration.ofDays(1)));
            expiryFor.put("\"86400000\"", clock.instant().plus(Duration.ofDays(1)));
            expiryFor.put("-5", clock.instant());
            expiryFor.forEach((expiresIn, expected) -> {
                entra.resetAll();
                entra.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"access_token\":\"a-" + expiresIn.length() + "\"}")));

                AccessToken token = new ClientCredentialsTokenProvider(endpoint, "app-id", SECRET, clock).currentToken();

                assertThat(token.expiresAt()).as(expiresIn).isEqualTo(expected);
            });
        }

        @Test
        void forcedRefreshAfterA401FetchesOnceEvenForManyRejections() {
            entra.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("Started").willSetStateTo("2")
                    .willReturn(tokenResponse("access-1", 3600, null)));
            entra.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("2")
                    .willReturn(tokenResponse("access-2", 3600, null)));
            ClientCredentialsTokenProvider provider = new ClientCredentialsTokenProvider(endpoint, "app-id", SECRET, clock);
            AccessToken rejected = provider.currentToken();

            AccessToken fresh = provider.refreshedToken(rejected);
            AccessToken sameAgain = provider.refreshedToken(rejected);

            assertThat(fresh.value()).isEqualTo("access-2");
            assertThat(sameAgain.value()).isEqualTo("access-2");
            assertThat(forms()).hasSize(2);
        }

        @Test
        void concurrentCallersTriggerOneRequest() throws Exception {
            entra.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(tokenResponse("access-1", 3600, null).withFixedDelay(300)));
            ClientCredentialsTokenProvider provider = new ClientCredentialsTokenProvider(endpoint, "app-id", SECRET, clock);
            int callers = 8;
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<AccessToken>> results = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    Callable<AccessToken> call = () -> {
                        go.await();
                        return provider.currentToken();
                    };
                    results.add(pool.submit(call));
                }
                go.countDown();
                for (Future<AccessToken> result : results) {
                    assertThat(result.get().value()).isEqualTo("access-1");
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(forms()).hasSize(1);
        }

        @Test
        void refusedCredentialsAreANonTransientErrorWithoutTheSecret() {
            entra.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}")));
            ClientCredentialsTokenProvider provider = new ClientCredentialsTokenProvider(endpoint, "app-id", SECRET, clock);

            assertThatThrownBy(provider::currentToken).isInstanceOfSatisfying(AccessTokenException.class, e -> {
                assertThat(e.isTransient()).isFalse();
                assertThat(e.oauthError()).hasValue("invalid_client");
                assertThat(e.getMessage()).contains("HTTP 401").contains("AADSTS7000215").doesNotContain(SECRET);
            });
        }

        @Test
        void endpointOutageIsTransientAndHtmlIsNoCrash() {
            entra.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503)
                    .withHeader("Content-Type", "text/html").withBody("<html>down</html>")));
            ClientCredentialsTokenProvider provider = new ClientCredentialsTokenProvider(endpoint, "app-id", SECRET, clock);

            assertThatThrownBy(provider::currentToken).isInstanceOfSatisfying(AccessTokenException.class,
                    e -> assertThat(e.isTransient()).isTrue());
        }

        @Test
        void okWithoutAccessTokenIsAnError() {
            entra.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody("{\"expires_in\":3600}")));
            ClientCredentialsTokenProvider provider = new ClientCredentialsTokenProvider(endpoint, "app-id", SECRET, clock);

            assertThatThrownBy(provider::currentToken).isInstanceOf(AccessTokenException.class)
                    .hasMessageContaining("without an access_token");
        }

        @Test
        void unreachableEndpointIsTransient() {
            EntraTokenEndpoint nowhere = endpoint.withAuthority(URI.create("http://127.0.0.1:1"));
            ClientCredentialsTokenProvider provider = new ClientCredentialsTokenProvider(nowhere, "app-id", SECRET, clock);

            assertThatThrownBy(provider::currentToken).isInstanceOfSatisfying(AccessTokenException.class,
                    e -> assertThat(e.isTransient()).isTrue());
        }
    }

    @Nested
    class RefreshToken {

        @Test
        void redeemsTheRefreshTokenAndKeepsTheRotatedOne() {
            entra.stubFor(post(urlEqualTo(TOKEN_PATH)).withRequestBody(containing("refresh_token=rt-1"))
                    .willReturn(tokenResponse("access-1", 3600, "rt-2")));
            entra.stubFor(post(urlEqualTo(TOKEN_PATH)).withRequestBody(containing("refresh_token=rt-2"))
                    .willReturn(tokenResponse("access-2", 3600, null)));
            RefreshTokenProvider provider = new RefreshTokenProvider(endpoint, "app-id", Optional.of(SECRET), "rt-1", clock);

            AccessToken first = provider.currentToken();
            assertThat(provider.currentRefreshToken()).isEqualTo("rt-2");
            AccessToken second = provider.refreshedToken(first);

            assertThat(first.value()).isEqualTo("access-1");
            assertThat(second.value()).isEqualTo("access-2");
            // The second answer carried no new refresh token: the last one given stays in use.
            assertThat(provider.currentRefreshToken()).isEqualTo("rt-2");
            List<Map<String, String>> forms = forms();
            assertThat(forms).hasSize(2);
            assertThat(forms.get(0)).containsEntry("grant_type", "refresh_token").containsEntry("client_id", "app-id")
                    .containsEntry("client_secret", SECRET).containsEntry("refresh_token", "rt-1")
                    .containsEntry("scope", "https://api.partnercenter.microsoft.com/.default offline_access");
            assertThat(forms.get(1)).containsEntry("refresh_token", "rt-2");
        }

        @Test
        void publicClientSendsNoSecret() {
            entra.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(tokenResponse("access-1", 3600, "rt-2")));
            RefreshTokenProvider provider = new RefreshTokenProvider(endpoint, "app-id", Optional.empty(), "rt-1", clock);

            provider.currentToken();

            assertThat(forms().get(0)).doesNotContainKey("client_secret");
        }

        @Test
        void expiredRefreshTokenIsInvalidGrant() {
            entra.stubFor(post(urlEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=refresh_token"))
                    .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                            .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008: expired\"}")));
            RefreshTokenProvider provider = new RefreshTokenProvider(endpoint, "app-id", Optional.empty(), "rt-secret-1", clock);

            assertThatThrownBy(provider::currentToken).isInstanceOfSatisfying(AccessTokenException.class, e -> {
                assertThat(e.oauthError()).hasValue("invalid_grant");
                assertThat(e.getMessage()).doesNotContain("rt-secret-1");
            });
        }

        @Test
        void secretsNeverInToString() {
            RefreshTokenProvider provider = new RefreshTokenProvider(endpoint, "app-id", Optional.of(SECRET), "rt-1", clock);
            ClientCredentialsTokenProvider credentials = new ClientCredentialsTokenProvider(endpoint, "app-id", SECRET, clock);

            assertThat(provider.toString()).doesNotContain(SECRET).doesNotContain("rt-1");
            assertThat(credentials.toString()).doesNotContain(SECRET);
            assertThat(endpoint.toString()).doesNotContain(SECRET);
            assertThat(new AccessToken("abc.def", Instant.EPOCH).toString()).doesNotContain("abc.def");
        }
    }

    @Nested
    class Validation {

        @Test
        void endpointRejectsClearTextOffThisMachineAndOddTenants() {
            assertThatThrownBy(() -> EntraTokenEndpoint.forTenant(TENANT).withAuthority(URI.create("http://login.example.com")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
            assertThatThrownBy(() -> EntraTokenEndpoint.forTenant(TENANT).withAuthority(URI.create("http://127.attacker.example")))
                    .as("a host name that merely starts with 127. is not this machine")
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
            assertThat(EntraTokenEndpoint.forTenant(TENANT).withAuthority(URI.create("http://127.0.0.1:8080")).tokenUri())
                    .isEqualTo(URI.create("http://127.0.0.1:8080/contoso.onmicrosoft.com/oauth2/v2.0/token"));
            assertThatThrownBy(() -> EntraTokenEndpoint.forTenant("../evil")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> EntraTokenEndpoint.forTenant(TENANT).withExpiryBuffer(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(EntraTokenEndpoint.forTenant(TENANT).tokenUri())
                    .isEqualTo(URI.create("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"));
            assertThat(EntraTokenEndpoint.forTenant(TENANT).expiryBuffer()).isEqualTo(Duration.ofSeconds(120));
        }

        @Test
        void providersRequireTheirInputsWithoutQuotingSecrets() {
            assertThatThrownBy(() -> new ClientCredentialsTokenProvider(endpoint, "app-id", " "))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("client secret is required");
            assertThatThrownBy(() -> new RefreshTokenProvider(endpoint, "app-id", Optional.empty(), ""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("refresh token is required");
            assertThatThrownBy(() -> new StaticAccessTokenProvider("bad\r\nX-Injected: 1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("X-Injected");
        }

        @Test
        void shortLivedTokensAreStillCachedForHalfTheirLife() {
            entra.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(tokenResponse("short", 60, null)));
            ClientCredentialsTokenProvider provider = new ClientCredentialsTokenProvider(endpoint, "app-id", SECRET, clock);

            provider.currentToken();
            clock.advance(Duration.ofSeconds(29));
            provider.currentToken();
            assertThat(forms()).hasSize(1);
            clock.advance(Duration.ofSeconds(1));
            provider.currentToken();
            assertThat(forms()).hasSize(2);
        }
    }

    @Test
    void staticProviderReturnsItsTokenAlsoWhenAskedToRefresh() {
        StaticAccessTokenProvider provider = new StaticAccessTokenProvider("fixed");
        assertThat(provider.refreshedToken(provider.currentToken()).value()).isEqualTo("fixed");
        assertThat(entra.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).as("a static token never calls Entra").isEmpty();
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
