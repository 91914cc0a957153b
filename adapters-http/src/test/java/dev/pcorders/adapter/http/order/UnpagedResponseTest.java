package dev.pcorders.adapter.http.order;

import static dev.pcorders.adapter.http.order.PartnerCenterOrderGatewayTest.CUSTOMER;
import static dev.pcorders.adapter.http.order.PartnerCenterOrderGatewayTest.START;
import static dev.pcorders.adapter.http.order.PartnerCenterOrderGatewayTest.TOKEN;
import static dev.pcorders.adapter.http.order.PartnerCenterOrderGatewayTest.allOrders;
import static dev.pcorders.adapter.http.order.RawHttpServer.chunk;
import static dev.pcorders.adapter.http.order.RawHttpServer.endChunks;
import static dev.pcorders.adapter.http.order.RawHttpServer.fixedLength;
import static dev.pcorders.adapter.http.order.RawHttpServer.startChunked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.adapter.http.auth.StaticAccessTokenProvider;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.http.testing.VirtualTime;
import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Unavailable;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.shared.Page;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Partner Center documents no paging for a customer's orders: one response may hold all of them. The gateway
 * reads such a body while it arrives and hands it on as pages of at most 1,000 orders.
 */
@Timeout(60)
class UnpagedResponseTest {

    private static final String PATH = "/v1/customers/" + CUSTOMER + "/orders";

    private RawHttpServer server;
    private CloseableOrderGateway gateway;

    @AfterEach
    void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void serve(RawHttpServer.Handler handler) throws IOException {
        serve(handler, settings -> settings);
    }

    private void serve(RawHttpServer.Handler handler, java.util.function.UnaryOperator<PartnerCenterClientSettings> tune)
            throws IOException {
        server = new RawHttpServer(handler);
        VirtualTime time = new VirtualTime(START);
        gateway = PartnerCenterOrderGateways.open(tune.apply(PartnerCenterClientSettings.defaults()
                .withBaseUrl(URI.create(server.baseUrl()))), new StaticAccessTokenProvider(TOKEN), time, time);
    }

    @Test
    void severalThousandOrdersInOneBodyArriveAsPagesWhileTheRestIsHeldBack() throws Exception {
        CountDownLatch firstPageSeen = new CountDownLatch(1);
        AtomicBoolean restSent = new AtomicBoolean();
        serve((path, out) -> {
            startChunked(out);
            chunk(out, "{\"items\":[" + orders(0, 2500));
            // The rest of the body goes out only once the client has handed on a page, or after the bound.
            firstPageSeen.await(30, TimeUnit.SECONDS);
            restSent.set(true);
            chunk(out, "," + orders(2500, 3500) + "],\"totalCount\":3500,\"links\":{\"self\":{\"uri\":\"" + PATH
                    + "\",\"method\":\"GET\"}}}");
            endChunks(out);
        });

        List<Page<Order>> pages = new ArrayList<>();
        try (Stream<Page<Order>> stream = gateway.fetchPages(allOrders())) {
            Iterator<Page<Order>> iterator = stream.iterator();
            pages.add(iterator.next());
            assertThat(restSent).as("the first page arrived before the server sent the rest of the body").isFalse();
            firstPageSeen.countDown();
            iterator.forEachRemaining(pages::add);
        }

        assertThat(pages).extracting(page -> page.items().size()).containsExactly(1000, 1000, 1000, 500);
        assertThat(pages).allSatisfy(page -> assertThat(page.pageNumber()).isEqualTo(1));
        assertThat(pages.get(0).items().get(0).id().value()).isEqualTo("o-0");
        assertThat(pages.get(3).items().get(499).id().value()).isEqualTo("o-3499");
        // totalCount came after the items: only the page read after it knows it.
        assertThat(pages.get(0).totalCount()).isEmpty();
        assertThat(pages.get(3).totalCount()).hasValue(3500);
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void aMalformedOrderAfterThePagesHandedOnFailsNamingItsPath() throws Exception {
        serve((path, out) -> {
            startChunked(out);
            chunk(out, "{\"items\":[" + orders(0, 1500) + ",");
            chunk(out, order(1500).replace("\"quantity\":1", "\"quantity\":1.5") + "]}");
            endChunks(out);
        });

        try (Stream<Page<Order>> stream = gateway.fetchPages(allOrders())) {
            Iterator<Page<Order>> iterator = stream.iterator();
            assertThat(iterator.next().items()).hasSize(1000);
            assertThatThrownBy(iterator::next).isInstanceOfSatisfying(MalformedResponse.class, e -> {
                assertThat(e.location()).hasValue("items[1500].lineItems[0].quantity");
                assertThat(e.error().httpStatus()).hasValue(200);
            });
        }
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void aConnectionLostAfterAPageWasHandedOnIsUnavailableAndNotRetried() throws Exception {
        serve((path, out) -> {
            startChunked(out);
            chunk(out, "{\"items\":[" + orders(0, 1500) + ",");
            throw new IOException("the connection ends here, without the last chunk");
        });

        try (Stream<Page<Order>> stream = gateway.fetchPages(allOrders())) {
            Iterator<Page<Order>> iterator = stream.iterator();
            assertThat(iterator.next().items()).hasSize(1000);
            assertThatThrownBy(iterator::next).isInstanceOfSatisfying(Unavailable.class, e -> {
                assertThat(e.getMessage()).contains("not retried");
                assertThat(e.error().requestId()).isPresent();
            });
        }
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void aConnectionLostBeforeAnyPageWasHandedOnIsRetried() throws Exception {
        AtomicBoolean cut = new AtomicBoolean();
        serve((path, out) -> {
            startChunked(out);
            if (cut.compareAndSet(false, true)) {
                chunk(out, "{\"items\":[" + orders(0, 500) + ",");
                throw new IOException("the first answer ends here");
            }
            chunk(out, "{\"items\":[" + orders(0, 800) + "]}");
            endChunks(out);
        });

        List<Page<Order>> pages = fetchAll();

        assertThat(pages).extracting(page -> page.items().size()).containsExactly(800);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void aLaterPartThatDribblesPastTheReadTimeoutIsUnavailable() throws Exception {
        serve((path, out) -> {
            startChunked(out);
            chunk(out, "{\"items\":[" + orders(0, 1500));
            // Whitespace between two orders, a byte at a time: never silent for long, but no order comes. Bounded.
            for (int i = 0; i < 200; i++) {
                chunk(out, " ");
                Thread.sleep(50);
            }
            chunk(out, "]}");
            endChunks(out);
        }, settings -> settings.withReadTimeout(java.time.Duration.ofMillis(200)));

        try (Stream<Page<Order>> stream = gateway.fetchPages(allOrders())) {
            Iterator<Page<Order>> iterator = stream.iterator();
            assertThat(iterator.next().items()).hasSize(1000);
            assertThatThrownBy(iterator::next).isInstanceOfSatisfying(Unavailable.class,
                    e -> assertThat(e.getMessage()).contains("too slowly").contains("not retried"));
        }
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void linksAfterTheItemsOfALargeBodyAreFollowed() throws Exception {
        serve((path, out) -> {
            if (path.contains("p=2")) {
                fixedLength(out, "{\"items\":[" + orders(1500, 1600) + "]}");
                return;
            }
            startChunked(out);
            chunk(out, "{\"items\":[" + orders(0, 1500) + "],");
            chunk(out, "\"links\":{\"next\":{\"uri\":\"/customers/" + CUSTOMER + "/orders?p=2\",\"method\":\"GET\"}}}");
            endChunks(out);
        });

        List<Page<Order>> pages = fetchAll();

        assertThat(pages).extracting(Page<Order>::pageNumber).containsExactly(1, 1, 2);
        assertThat(pages).extracting(page -> page.items().size()).containsExactly(1000, 500, 100);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void aForeignNextLinkAfterTheItemsIsRefused() throws Exception {
        serve((path, out) -> fixedLength(out, "{\"items\":[" + orders(0, 1200) + "],"
                + "\"links\":{\"next\":{\"uri\":\"http://127.0.0.2:9/v1/customers/" + CUSTOMER + "/orders\"}}}"));

        assertThatThrownBy(this::fetchAll).isInstanceOfSatisfying(MalformedResponse.class,
                e -> assertThat(e.location()).hasValue("links.next.uri"));
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void aBodyPastTheConfiguredCapIsTooLargeNotMalformedJson() throws Exception {
        String body = "{\"items\":[" + orders(0, 50) + "]}";
        for (boolean chunked : new boolean[] {true, false}) {
            stop();
            serve((path, out) -> {
                if (chunked) {
                    startChunked(out);
                    chunk(out, body);
                    endChunks(out);
                } else {
                    fixedLength(out, body);
                }
            }, settings -> settings.withMaxBodyBytes(4096));

            assertThatThrownBy(this::fetchAll).as(chunked ? "chunked" : "with Content-Length")
                    .isInstanceOfSatisfying(MalformedResponse.class, e -> {
                        assertThat(e.getMessage()).contains("too large").contains("partner-center.max-body-bytes")
                                .contains("4096");
                        assertThat(e.location()).isEmpty();
                    });
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void withoutACapTheSameBodyIsRead() throws Exception {
        serve((path, out) -> fixedLength(out, "{\"items\":[" + orders(0, 50) + "]}"));

        assertThat(PartnerCenterClientSettings.defaults().maxBodyBytes()).isEqualTo(PartnerCenterClientSettings.NO_BODY_LIMIT);
        assertThat(fetchAll()).extracting(page -> page.items().size()).containsExactly(50);
    }

    private List<Page<Order>> fetchAll() {
        try (Stream<Page<Order>> pages = gateway.fetchPages(allOrders())) {
            return pages.collect(Collectors.toList());
        }
    }

    /** Orders {@code from} (inclusive) to {@code to}, comma-separated. */
    static String orders(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(i == from ? "" : ",").append(order(i));
        }
        return text.toString();
    }

    static String order(int index) {
        return "{\"id\":\"o-" + index + "\",\"referenceCustomerId\":\"" + CUSTOMER + "\",\"creationDate\":\"2020-01-02T03:04:05Z\","
                + "\"lineItems\":[{\"lineItemNumber\":0,\"offerId\":\"DZH318Z0BQ4Z:002L:DZH318Z0CMNP\",\"quantity\":1}]}";
    }
}
