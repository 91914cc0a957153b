package dev.pcorders.adapter.http.order;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pcorders.adapter.http.auth.StaticAccessTokenProvider;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.http.testing.LoopbackPartnerCenter;
import dev.pcorders.adapter.http.testing.VirtualTime;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Unavailable;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.shared.Page;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server whose certificate the JVM does not trust (WireMock's self-signed one) fails the fetch at
 * once: a certificate problem does not heal between retries, and the token never goes out over it.
 * A handshake that the network cuts off is another matter: it is retried like any broken connection.
 */
class UntrustedTlsTest {

    private WireMockServer server;
    private VirtualTime time;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get(anyUrl()).willReturn(PartnerCenterOrderGatewayTest.okJson("orders-by-billing-cycle.json")));
        time = new VirtualTime(PartnerCenterOrderGatewayTest.START);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void anUntrustedCertificateFailsAtOnceWithoutRetriesOrARequest() {
        PartnerCenterClientSettings settings = PartnerCenterClientSettings.defaults()
                .withBaseUrl(URI.create("https://127.0.0.1:" + server.httpsPort()));
        try (CloseableOrderGateway gateway = PartnerCenterOrderGateways.open(settings,
                new StaticAccessTokenProvider(PartnerCenterOrderGatewayTest.TOKEN), time, time)) {
            assertThatThrownBy(() -> {
                try (Stream<Page<Order>> pages = gateway.fetchPages(PartnerCenterOrderGatewayTest.allOrders())) {
                    List<Page<Order>> all = pages.collect(Collectors.toList());
                    assertThat(all).as("an untrusted server must not be read").isEmpty();
                }
            }).isInstanceOfSatisfying(Unavailable.class, e -> {
                assertThat(e.getMessage()).contains("TLS handshake with 127.0.0.1 failed and was not retried");
                assertThat(e.error().requestId()).isPresent();
                LoopbackPartnerCenter.assertNoSecretIn(e, PartnerCenterOrderGatewayTest.TOKEN);
            });
        }
        assertThat(time.sleeps()).as("no retry waits").isEmpty();
        assertThat(server.getAllServeEvents()).as("no request got through the handshake").isEmpty();
    }

    @Test
    void aHandshakeCutOffByThePeerIsRetriedLikeAnyBrokenConnection() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket cutter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread cutting = new Thread(() -> {
                while (!cutter.isClosed()) {
                    try (Socket connection = cutter.accept()) {
                        // Read the ClientHello first, so the client is mid-handshake when the connection closes.
                        connection.getInputStream().read(new byte[512]);
                        accepted.incrementAndGet();
                    } catch (IOException closedOrReset) {
                        // The test closes the socket at the end; a client reset is just as good.
                    }
                }
            }, "handshake-cutter");
            cutting.setDaemon(true);
            cutting.start();
            PartnerCenterClientSettings settings = PartnerCenterClientSettings.defaults()
                    .withBaseUrl(URI.create("https://127.0.0.1:" + cutter.getLocalPort()));
            try (CloseableOrderGateway gateway = PartnerCenterOrderGateways.open(settings,
                    new StaticAccessTokenProvider(PartnerCenterOrderGatewayTest.TOKEN), time, time)) {
                assertThatThrownBy(() -> {
                    try (Stream<Page<Order>> pages = gateway.fetchPages(PartnerCenterOrderGatewayTest.allOrders())) {
                        pages.forEach(page -> { });
                    }
                }).isInstanceOfSatisfying(Unavailable.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("not retried");
                    LoopbackPartnerCenter.assertNoSecretIn(e, PartnerCenterOrderGatewayTest.TOKEN);
                });
            }
        }
        int attempts = PartnerCenterClientSettings.defaults().retryPolicy().maxAttempts();
        assertThat(time.sleeps()).as("a wait before each retry").hasSize(attempts - 1);
        assertThat(accepted).as("every attempt reached the server").hasValue(attempts);
    }
}
