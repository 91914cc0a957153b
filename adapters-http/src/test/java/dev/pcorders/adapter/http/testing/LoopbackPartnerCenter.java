package dev.pcorders.adapter.http.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What every resource's gateway test needs of a Partner Center on 127.0.0.1 (WireMock): responses, the requests it
 * received, a {@code links.next}, the published fixtures, and the checks of what the shared client must send and
 * must never show. The transport is one, so its promises are checked with one set of assertions for every resource.
 */
public final class LoopbackPartnerCenter {

    private LoopbackPartnerCenter() {
    }

    /** Started on a free port of 127.0.0.1 only; stop it when the test class ends. */
    public static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    /** WireMock's baseUrl() says localhost; the servers listen on 127.0.0.1 only. */
    public static String base(WireMockServer on) {
        return "http://127.0.0.1:" + on.port();
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    public static List<LoggedRequest> requests(WireMockServer on) {
        return on.findAll(getRequestedFor(anyUrl()));
    }

    /** {@code ,"links":{"next":...}} to append to a collection's members; no header when {@code continuation} is empty. */
    public static String nextLink(String uri, String continuation) {
        String headers = continuation.isEmpty() ? "[]"
                : "[{\"key\":\"MS-ContinuationToken\",\"value\":\"" + continuation + "\"}]";
        return ",\"links\":{\"next\":{\"uri\":\"" + uri + "\",\"method\":\"GET\",\"headers\":" + headers + "}}";
    }

    /**
     * Next links the shared client must refuse when the base URL is {@code server}: another port, another scheme, a
     * scheme-relative host, the same address under another name. {@code path} is a path on each.
     */
    public static List<String> foreignNextLinks(WireMockServer server, WireMockServer otherHost, String path) {
        return List.of(base(otherHost) + path, "https://127.0.0.1:" + server.port() + path, "//evil.example" + path,
                "http://localhost:" + server.port() + path);
    }

    /** A file of {@code src/test/resources/partner-center} (see SOURCES.md there). */
    public static byte[] fixtureBytes(String name) {
        try (InputStream in = LoopbackPartnerCenter.class.getResourceAsStream("/partner-center/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String fixture(String name) {
        return new String(fixtureBytes(name), StandardCharsets.UTF_8);
    }

    /** The headers the shared client sends with the first attempt of every request, whatever the resource. */
    public static void assertSharedHeaders(LoggedRequest request, String token, String correlationId) {
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + token);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("MS-CorrelationId")).isEqualTo(correlationId);
        assertThat(request.getHeader("MS-RequestId")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(request.getHeader("MS-CV")).matches("[A-Za-z0-9+/]{16}\\.1");
        assertThat(request.getHeader("User-Agent")).matches("pc-orders/\\S+ .*");
    }

    /** A request that follows {@code links.next}: the fetch's correlation id, a request id of its own. */
    public static void assertFollowsWithinTheFetch(LoggedRequest next, LoggedRequest previous) {
        assertThat(next.getHeader("MS-CorrelationId")).isEqualTo(previous.getHeader("MS-CorrelationId"));
        assertThat(next.getHeader("MS-RequestId")).isNotEqualTo(previous.getHeader("MS-RequestId"));
        assertThat(next.getHeader("Authorization")).isEqualTo(previous.getHeader("Authorization"));
    }

    public static void assertNoSecretIn(PartnerCenterException e, String token) {
        assertThat(e.getMessage()).doesNotContain(token);
        assertThat(e.toString()).doesNotContain(token);
        assertThat(e.error().toString()).doesNotContain(token);
    }
}
