package dev.pcorders.adapter.http.subscription;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.assertFollowsWithinTheFetch;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.assertSharedHeaders;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.base;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.fixture;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.json;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.nextLink;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pcorders.adapter.http.auth.StaticAccessTokenProvider;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.http.subscription.wire.SubscriptionCollectionDto;
import dev.pcorders.adapter.http.testing.LoopbackPartnerCenter;
import dev.pcorders.adapter.http.wire.WireJson;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Forbidden;
import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ScopedQuery;
import dev.pcorders.domain.subscription.RefundOption;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionId;
import dev.pcorders.domain.subscription.SubscriptionScope;
import dev.pcorders.domain.subscription.SubscriptionStatus;
import io.micronaut.core.type.Argument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The subscriptions gateway against a real HTTP server on 127.0.0.1; retries never wait (the sleeper returns at once). */
@Timeout(30)
class PartnerCenterSubscriptionGatewayTest {

    static final String TOKEN = "s3cr3t-bearer-token-value";
    static final String CUSTOMER = "4c2d7a9e-1f3b-4e5a-9c8d-7b6a5f4e3d2c";
    static final String SUBSCRIPTIONS_PATH = "/v1/customers/" + CUSTOMER + "/subscriptions";
    static final String FIXTURE = "subscriptions-of-a-customer.derived.json";

    static WireMockServer server;

    CloseableSubscriptionGateway gateway;

    @BeforeAll
    static void startServer() {
        server = LoopbackPartnerCenter.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void open() {
        server.resetAll();
        PartnerCenterClientSettings settings = PartnerCenterClientSettings.defaults()
                .withBaseUrl(URI.create(base(server)));
        gateway = PartnerCenterSubscriptionGateways.open(settings, new StaticAccessTokenProvider(TOKEN),
                Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC), duration -> { });
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    @Test
    void decodesAPublishedShapeCollectionWithRefundOptionsLinksAndAttributes() {
        server.stubFor(get(anyUrl()).willReturn(json(fixture(FIXTURE))));

        List<Page<Subscription>> pages = fetchAll(allSubscriptions());

        assertThat(pages).singleElement().satisfies(page -> {
            assertThat(page.pageNumber()).isEqualTo(1);
            assertThat(page.totalCount()).hasValue(3);
            assertThat(page.items()).extracting(Subscription::id).containsExactly(
                    SubscriptionId.of("a4c1340b-6911-4758-bba3-0c4c6007d161"),
                    SubscriptionId.of("91fd0d6e-1ff1-4c4b-9ac4-b2ad1e3b6c2a"),
                    SubscriptionId.of("3b6a6e1f-6f2d-4e07-8d7e-2c5c1f6f0b9d"));
            assertThat(page.items()).extracting(Subscription::customer).containsOnly(CustomerId.parse(CUSTOMER));
        });
        List<Subscription> items = pages.get(0).items();

        Subscription nce = items.get(0);
        assertThat(nce.offerId()).isEqualTo("CFQ7TTC0LH18:0001:CFQ7TTC0K59S");
        assertThat(nce.offerName()).hasValue("Microsoft 365 Business Basic");
        assertThat(nce.quantity()).isEqualTo(25);
        assertThat(nce.unitType()).hasValue("Licenses");
        assertThat(nce.status().known()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(nce.autoRenewEnabled()).hasValue(true);
        assertThat(nce.isTrial()).hasValue(false);
        assertThat(nce.billingCycle()).hasValueSatisfying(cycle -> assertThat(cycle.known()).isEqualTo(BillingCycle.MONTHLY));
        assertThat(nce.termDuration()).hasValue("P1Y");
        assertThat(nce.billingType()).hasValue("license");
        assertThat(nce.contractType()).hasValue("subscription");
        assertThat(nce.creationDate()).isEqualTo(Instant.parse("2022-03-08T17:02:59.3926917Z"));
        assertThat(nce.effectiveStartDate()).hasValue(Instant.parse("2022-03-08T00:00:00Z"));
        assertThat(nce.commitmentEndDate()).hasValue(Instant.parse("2023-03-07T00:00:00Z"));
        assertThat(nce.orderId()).hasValue(OrderId.of("eb7f04d6d3b5"));
        assertThat(nce.entitlementId()).isEmpty();
        assertThat(nce.refundOptions()).containsExactly(
                new RefundOption("Full", Instant.parse("2022-03-15T17:02:59.3926917Z")));
        assertThat(nce.links()).containsOnlyKeys("product", "sku", "availability", "self");
        assertThat(nce.links().get("sku").uri()).isEqualTo("/products/CFQ7TTC0LH18/skus/0001?country=US");
        assertThat(nce.links().get("self").method()).isEqualTo("GET");
        assertThat(nce.attributes().etag()).hasValue("eyJpZCI6ImE0YzEzNDBiIiwidmVyc2lvbiI6M30=");
        assertThat(nce.attributes().objectType()).hasValue("Subscription");

        Subscription legacy = items.get(1);
        assertThat(legacy.status().known()).isEqualTo(SubscriptionStatus.SUSPENDED);
        assertThat(legacy.billingCycle()).hasValueSatisfying(cycle -> assertThat(cycle.known()).isEqualTo(BillingCycle.ANNUAL));
        assertThat(legacy.entitlementId()).hasValue("b6a4b0a2-6c3f-4f7e-9f55-2d1d4a0e0f11");
        assertThat(legacy.orderId()).hasValue(OrderId.of("0bd8b0b5-ce4b-4a5c-9f67-3a7d4ad6d2a4"));
        assertThat(legacy.refundOptions()).isEmpty();
        assertThat(legacy.links()).containsOnlyKeys("offer", "entitlement", "self");

        Subscription azure = items.get(2);
        assertThat(azure.status().known()).isEqualTo(SubscriptionStatus.DELETED);
        assertThat(azure.orderId()).as("a blank orderId is no order").isEmpty();
        assertThat(azure.termDuration()).as("kept as sent").hasValue("");
        assertThat(azure.attributes().etag()).isEmpty();
    }

    @Test
    void sendsThePathAndTheSharedHeaders() {
        server.stubFor(get(anyUrl()).willReturn(json(collection(item("s-1", "active")))));
        ScopedQuery<SubscriptionScope> query = new ScopedQuery<>(new SubscriptionScope(CustomerId.parse(CUSTOMER)),
                CorrelationId.parse("11111111-2222-3333-4444-555555555555"));

        fetchAll(query);

        LoggedRequest request = requests(server).get(0);
        assertThat(request.getUrl()).isEqualTo(SUBSCRIPTIONS_PATH);
        assertSharedHeaders(request, TOKEN, "11111111-2222-3333-4444-555555555555");
    }

    @Test
    void anUnknownStatusIsKeptRawAndDisabledIsKnown() {
        server.stubFor(get(anyUrl()).willReturn(json(collection(item("s-1", "migrating") + "," + item("s-2", "disabled")))));

        List<Subscription> items = fetchAll(allSubscriptions()).get(0).items();

        assertThat(items.get(0).status().known()).isEqualTo(SubscriptionStatus.UNKNOWN);
        assertThat(items.get(0).status().raw()).isEqualTo("migrating");
        assertThat(items.get(1).status().known()).isEqualTo(SubscriptionStatus.DISABLED);
    }

    @Test
    void aMalformedDateIsAMalformedResponseNamingItsPath() {
        String items = item("s-0", "active") + "," + item("s-1", "active") + "," + item("s-2", "active") + ","
                + item("s-3", "active").replace("2020-01-02T03:04:05Z", "2015-11-25T06: 41: 12Z");
        server.stubFor(get(anyUrl()).willReturn(json(collection(items))));

        assertThatThrownBy(() -> fetchAll(allSubscriptions())).isInstanceOfSatisfying(MalformedResponse.class, e -> {
            assertThat(e.location()).hasValue("items[3].creationDate");
            assertThat(e.getMessage()).contains("2015-11-25T06: 41: 12Z");
        });
    }

    @Test
    void aMalformedRefundDateNamesTheRefundOption() {
        String item = item("s-0", "active").replace("\"quantity\"",
                "\"refundOptions\":[{\"type\":\"Full\",\"expiresAt\":\"soon\"}],\"quantity\"");
        server.stubFor(get(anyUrl()).willReturn(json(collection(item))));

        assertThatThrownBy(() -> fetchAll(allSubscriptions())).isInstanceOfSatisfying(MalformedResponse.class,
                e -> assertThat(e.location()).hasValue("items[0].refundOptions[0].expiresAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "\"1\"", "1.0", "true", "2147483648"})
    void aQuantityThatIsNotAWholeJsonNumberIsMalformed(String quantity) {
        server.stubFor(get(anyUrl()).willReturn(json(collection(item("s-0", "active").replace("\"quantity\":1",
                "\"quantity\":" + quantity)))));

        assertThatThrownBy(() -> fetchAll(allSubscriptions())).isInstanceOfSatisfying(MalformedResponse.class,
                e -> assertThat(e.location()).hasValue("items[0].quantity"));
    }

    @Test
    void aMissingIdIsMalformed() {
        server.stubFor(get(anyUrl()).willReturn(json(collection(item("s-0", "active").replace("\"id\":\"s-0\",", "")))));

        assertThatThrownBy(() -> fetchAll(allSubscriptions())).isInstanceOfSatisfying(MalformedResponse.class,
                e -> assertThat(e.location()).hasValue("items[0].id"));
    }

    @Test
    void forbiddenIsForbidden() {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> fetchAll(allSubscriptions())).isInstanceOf(Forbidden.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
        assertThat(requests(server)).hasSize(1);
    }

    @Test
    void followsLinksNextReplayingTheContinuationHeader() {
        server.stubFor(get(urlPathEqualTo(SUBSCRIPTIONS_PATH)).atPriority(1)
                .withHeader("MS-ContinuationToken", equalTo("tok+2/=="))
                .willReturn(json(collection(item("s-2", "active")))));
        server.stubFor(get(urlPathEqualTo(SUBSCRIPTIONS_PATH)).atPriority(5).willReturn(json(collection(item("s-1", "active"))
                .replaceFirst("}$", nextLink("/customers/" + CUSTOMER + "/subscriptions?seek=a%2Fb", "tok+2/==") + "}"))));

        List<Page<Subscription>> pages = fetchAll(allSubscriptions());

        assertThat(pages).extracting(Page::pageNumber).containsExactly(1, 2);
        assertThat(pages).flatExtracting(Page::items).extracting(s -> s.id().value()).containsExactly("s-1", "s-2");
        List<LoggedRequest> sent = requests(server);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getUrl()).isEqualTo(SUBSCRIPTIONS_PATH + "?seek=a%2Fb");
        assertThat(sent.get(1).getHeader("MS-ContinuationToken")).isEqualTo("tok+2/==");
        assertFollowsWithinTheFetch(sent.get(1), sent.get(0));
    }

    @Test
    void theSharedMapperFindsTheSubscriptionReaders() throws IOException {
        var json = WireJson.mapper(SubscriptionCollectionDto.class.getPackageName());

        SubscriptionCollectionDto read = json.readValue(fixture(FIXTURE), Argument.of(SubscriptionCollectionDto.class));
        assertThat(read.items()).hasSize(3);
        assertThat(read.items().get(0).links()).containsOnlyKeys("product", "sku", "availability", "self");

        // The generated deserializer would coerce the string; the hand-written reader refuses it.
        byte[] stringQuantity = collection(item("s-1", "active").replace("\"quantity\":1", "\"quantity\":\"1\""))
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> json.readValue(new ByteArrayInputStream(stringQuantity),
                Argument.of(SubscriptionCollectionDto.class))).hasMessageContaining("expected a whole number");
    }

    ScopedQuery<SubscriptionScope> allSubscriptions() {
        return ScopedQuery.of(new SubscriptionScope(CustomerId.parse(CUSTOMER)));
    }

    List<Page<Subscription>> fetchAll(ScopedQuery<SubscriptionScope> query) {
        try (Stream<Page<Subscription>> pages = gateway.fetchPages(query)) {
            return pages.collect(Collectors.toList());
        }
    }

    static String item(String id, String status) {
        return "{\"id\":\"" + id + "\",\"offerId\":\"CFQ7TTC0LH18:0001:CFQ7TTC0K59S\",\"quantity\":1,"
                + "\"creationDate\":\"2020-01-02T03:04:05Z\",\"status\":\"" + status + "\"}";
    }

    static String collection(String items) {
        return "{\"totalCount\":" + Optional.of(items).map(i -> i.split("\"id\"").length - 1).get()
                + ",\"items\":[" + items + "]}";
    }
}
