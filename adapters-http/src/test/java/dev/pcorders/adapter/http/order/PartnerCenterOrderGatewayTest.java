package dev.pcorders.adapter.http.order;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.assertFollowsWithinTheFetch;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.assertNoSecretIn;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.assertSharedHeaders;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.base;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.foreignNextLinks;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.nextLink;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pcorders.adapter.http.auth.StaticAccessTokenProvider;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.http.partnercenter.RequestPacer;
import dev.pcorders.adapter.http.partnercenter.RetryPolicy;
import dev.pcorders.adapter.http.testing.LoopbackPartnerCenter;
import dev.pcorders.adapter.http.testing.VirtualTime;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.port.out.PartnerCenterException.BadRequest;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Conflict;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Forbidden;
import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import dev.pcorders.application.shared.port.out.PartnerCenterException.NotFound;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Throttled;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Unauthorized;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Unavailable;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ResellerId;
import dev.pcorders.domain.shared.ScopedQuery;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The gateway against a real HTTP server on 127.0.0.1, with retries on a virtual clock. */
class PartnerCenterOrderGatewayTest {

    static final String TOKEN = "s3cr3t-bearer-token-value";
    static final String CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
    static final String RESELLER = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    static final String ORDERS_PATH = "/v1/customers/" + CUSTOMER + "/orders";
    static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

    static WireMockServer server;
    static WireMockServer otherHost;

    VirtualTime time;
    CloseableOrderGateway gateway;

    @BeforeAll
    static void startServers() {
        server = LoopbackPartnerCenter.start();
        otherHost = LoopbackPartnerCenter.start();
    }

    @AfterAll
    static void stopServers() {
        server.stop();
        otherHost.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        otherHost.resetAll();
        otherHost.stubFor(get(anyUrl()).willReturn(okJson("orders-by-billing-cycle.json")));
        time = new VirtualTime(START);
        gateway = open(settings());
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    PartnerCenterClientSettings settings() {
        return PartnerCenterClientSettings.defaults().withBaseUrl(URI.create(base(server)));
    }

    CloseableOrderGateway open(PartnerCenterClientSettings settings) {
        return PartnerCenterOrderGateways.open(settings, new StaticAccessTokenProvider(TOKEN), time, time);
    }

    CloseableOrderGateway open(PartnerCenterClientSettings settings, BillingTypeEncoding billingTypeEncoding) {
        return PartnerCenterOrderGateways.open(settings, billingTypeEncoding, new StaticAccessTokenProvider(TOKEN), time, time);
    }

    static ResponseDefinitionBuilder okJson(String fixture) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(OrderJsonDecoderTest.fixtureBytes(fixture));
    }

    static ScopedQuery<OrderScope> allOrders() {
        return ScopedQuery.of(OrderScope.allOrdersOf(CustomerId.parse(CUSTOMER)));
    }

    List<Page<Order>> fetchAll(ScopedQuery<OrderScope> query) {
        try (Stream<Page<Order>> pages = gateway.fetchPages(query)) {
            return pages.collect(Collectors.toList());
        }
    }

    @Nested
    class RequestShape {

        @Test
        void defaultScopeSendsNoQueryAndAllHeaders() {
            server.stubFor(get(anyUrl()).willReturn(okJson("orders-by-billing-cycle.json")));
            ScopedQuery<OrderScope> query = new ScopedQuery<>(OrderScope.allOrdersOf(CustomerId.parse(CUSTOMER)),
                    CorrelationId.parse("11111111-2222-3333-4444-555555555555"));

            List<Page<Order>> pages = fetchAll(query);

            assertThat(pages).singleElement().satisfies(page -> assertThat(page.items()).hasSize(2));
            LoggedRequest request = requests(server).get(0);
            assertThat(request.getUrl()).isEqualTo(ORDERS_PATH);
            assertSharedHeaders(request, TOKEN, "11111111-2222-3333-4444-555555555555");
            assertThat(request.getHeader("User-Agent")).doesNotContain("unknown");
            assertThat(request.containsHeader("X-Locale")).isFalse();
        }

        @ParameterizedTest
        @CsvSource({
                "INTEGER, MONTHLY, 1",
                "INTEGER, ONE_TIME, 4",
                "INTEGER, TRIENNIAL, 5",
                "NAME, ONE_TIME, one_time",
                "NAME, ANNUAL, annual"})
        void everyFilterWhenSetWithBillingTypeEncodedAsConfigured(BillingTypeEncoding encoding, BillingCycle cycle,
                String expected) {
            gateway.close();
            gateway = open(settings(), encoding);
            server.stubFor(get(anyUrl()).willReturn(okJson("orders-by-billing-cycle.json")));
            OrderScope scope = OrderScope.allOrdersOf(CustomerId.parse(CUSTOMER)).withReseller(ResellerId.parse(RESELLER))
                    .withBillingType(cycle).withPrices().withSystemPurchases();

            fetchAll(ScopedQuery.of(scope));

            assertThat(requests(server).get(0).getUrl()).isEqualTo(ORDERS_PATH + "?indirect_reseller_id=" + RESELLER
                    + "&billingType=" + expected + "&include_price=true&include_system_purchases=true");
        }

        @Test
        void eachFilterAloneAndUpperCaseGuidsAreSentLowerCase() {
            server.stubFor(get(anyUrl()).willReturn(okJson("orders-by-billing-cycle.json")));
            CustomerId upper = CustomerId.parse(CUSTOMER.toUpperCase(Locale.ROOT));

            fetchAll(ScopedQuery.of(OrderScope.allOrdersOf(upper).withPrices()));
            fetchAll(ScopedQuery.of(OrderScope.allOrdersOf(upper).withSystemPurchases()));
            fetchAll(ScopedQuery.of(OrderScope.allOrdersOf(upper).withReseller(ResellerId.parse(RESELLER))));

            assertThat(requests(server)).extracting(LoggedRequest::getUrl).containsExactly(
                    ORDERS_PATH + "?include_price=true",
                    ORDERS_PATH + "?include_system_purchases=true",
                    ORDERS_PATH + "?indirect_reseller_id=" + RESELLER);
        }

        @Test
        void localeHeaderWhenConfigured() {
            gateway.close();
            gateway = open(settings().withLocale(Locale.forLanguageTag("de-DE")));
            server.stubFor(get(anyUrl()).willReturn(okJson("orders-by-billing-cycle.json")));

            fetchAll(allOrders());

            assertThat(requests(server).get(0).getHeader("X-Locale")).isEqualTo("de-DE");
        }

        @Test
        void invalidIdsAreRejectedBeforeAnyRequest() {
            assertThatThrownBy(() -> gateway.fetchPages(ScopedQuery.of(OrderScope.allOrdersOf(CustomerId.parse("contoso")))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer id must be a GUID");
            assertThatThrownBy(() -> ResellerId.parse("1-1-1-1-1")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> gateway.fetchPages(null)).isInstanceOf(NullPointerException.class);
            assertThat(requests(server)).isEmpty();
        }

        @Test
        void nothingIsRequestedUntilThePageIsConsumed() {
            server.stubFor(get(anyUrl()).willReturn(okJson("orders-by-billing-cycle.json")));

            try (Stream<Page<Order>> pages = gateway.fetchPages(allOrders())) {
                assertThat(requests(server)).isEmpty();
                assertThat(pages.findFirst()).isPresent();
            }
            assertThat(requests(server)).hasSize(1);
        }

        @Test
        void textJsonIsJson() {
            server.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "text/json")
                    .withBody(OrderJsonDecoderTest.fixtureBytes("orders-by-billing-cycle.json"))));

            assertThat(fetchAll(allOrders()).get(0).items()).hasSize(2);
        }
    }

    @Nested
    class Retries {

        @Test
        void throttledTwiceWithRetryAfterSecondsThenSuccessKeepsTheRequestId() {
            stubSequence(throttled("7"), throttled("7"), okJson("orders-by-billing-cycle.json"));

            List<Page<Order>> pages = fetchAll(allOrders());

            assertThat(pages).hasSize(1);
            assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
            List<LoggedRequest> sent = requests(server);
            assertThat(sent).hasSize(3);
            assertThat(sent).extracting(r -> r.getHeader("MS-RequestId")).containsOnly(sent.get(0).getHeader("MS-RequestId"));
            assertThat(sent).extracting(r -> r.getHeader("MS-CorrelationId")).containsOnly(sent.get(0).getHeader("MS-CorrelationId"));
            String base = sent.get(0).getHeader("MS-CV").substring(0, 16);
            assertThat(sent).extracting(r -> r.getHeader("MS-CV")).containsExactly(base + ".1", base + ".2", base + ".3");
        }

        @Test
        void aRetryAfterOfZeroIsStillBackedOffExponentially() {
            stubSequence(throttled("0"), throttled("0"), throttled("0"), okJson("orders-by-billing-cycle.json"));

            fetchAll(allOrders());

            RetryPolicy policy = settings().retryPolicy();
            assertThat(time.sleeps()).hasSize(3);
            for (int retry = 1; retry <= 3; retry++) {
                assertThat(time.sleeps().get(retry - 1)).as("wait %d", retry).isLessThanOrEqualTo(policy.baseDelay().multipliedBy(1L << (retry - 1)));
            }
            // Full jitter draws from [0, ceiling]: three draws of exactly zero nanoseconds do not happen.
            assertThat(time.sleeps()).anyMatch(wait -> wait.compareTo(Duration.ZERO) > 0);
        }

        @Test
        void retryAfterAsHttpDate() {
            String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(START.plusSeconds(20).atOffset(ZoneOffset.UTC));
            stubSequence(throttled(at), okJson("orders-by-billing-cycle.json"));

            fetchAll(allOrders());

            assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(20));
        }

        @Test
        void retryAfterIsCappedByMaxDelay() {
            stubSequence(throttled("57"), okJson("orders-by-billing-cycle.json"));

            fetchAll(allOrders());

            assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
        }

        @Test
        void throttledUntilTheDeadlineEndsAsThrottledWithTheDetails() {
            gateway.close();
            gateway = open(settings().withRetryPolicy(RetryPolicy.DEFAULT.withMaxDelay(Duration.ofSeconds(60))
                    .withDeadline(Duration.ofSeconds(100))));
            server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "57")
                    .withHeader("Content-Type", "application/json")
                    .withBody(OrderJsonDecoderTest.fixtureBytes("error-429-throttled.json"))));

            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOfSatisfying(Throttled.class, e -> {
                assertThat(e.error().httpStatus()).hasValue(429);
                assertThat(e.error().description()).hasValue("Rate limit is exceeded. Try again in 57 seconds.");
                assertThat(e.error().retryAfter()).hasValue(Duration.ofSeconds(57));
                assertThat(e.isTransient()).isTrue();
                assertNoSecretIn(e, TOKEN);
            });
            // 57 s fits in the 100 s deadline once; a second 57 s wait would pass it.
            assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(57));
            assertThat(requests(server)).hasSize(2);
        }

        @Test
        void aPacedRequestThrottledWhileTheTenantAdaptsKeepsItsAttempts() {
            gateway.close();
            gateway = open(settings().withRequestPacer(RequestPacer.perMinute(6_000, time)));
            // Six 429s: more than the four attempts a request has for its own failures.
            stubSequence(throttled("1"), throttled("1"), throttled("1"), throttled("1"), throttled("1"), throttled("1"),
                    okJson("orders-by-billing-cycle.json"));

            assertThat(fetchAll(allOrders())).isNotEmpty();
            assertThat(requests(server)).hasSize(7);
        }

        @Test
        void aPacedRequestStillGivesUpAfterFourTimesItsAttemptsOfThrottling() {
            gateway.close();
            // A deadline far away, so the count is what ends it (each throttling halves the rate, and the slots of a
            // rate near one a minute would otherwise reach the default two minutes first).
            gateway = open(settings().withRequestPacer(RequestPacer.perMinute(6_000, time))
                    .withRetryPolicy(RetryPolicy.DEFAULT.withDeadline(Duration.ofHours(2))));
            server.stubFor(get(anyUrl()).willReturn(throttled("1")));

            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOf(Throttled.class);
            assertThat(requests(server)).hasSize(4 * RetryPolicy.DEFAULT.maxAttempts());
        }

        @Test
        void fiveHundredsAreRetriedAtMostMaxAttemptsWithJitteredBackoff() {
            server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));

            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOfSatisfying(Unavailable.class,
                    e -> assertThat(e.error().httpStatus()).hasValue(503));

            assertThat(requests(server)).hasSize(4);
            List<Duration> sleeps = time.sleeps();
            assertThat(sleeps).hasSize(3);
            assertThat(sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(500));
            assertThat(sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(1000));
            assertThat(sleeps.get(2)).isBetween(Duration.ZERO, Duration.ofMillis(2000));
        }

        @Test
        void burstOfServerErrorsThenSuccess() {
            stubSequence(aResponse().withStatus(500), aResponse().withStatus(502), aResponse().withStatus(504),
                    okJson("orders-by-billing-cycle.json"));

            assertThat(fetchAll(allOrders())).hasSize(1);
            assertThat(requests(server)).hasSize(4);
        }

        @Test
        void requestTimeoutStatusIsRetried() {
            stubSequence(aResponse().withStatus(408), okJson("orders-by-billing-cycle.json"));

            assertThat(fetchAll(allOrders())).hasSize(1);
        }

        @Test
        void connectionResetIsRetried() {
            stubSequence(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson("orders-by-billing-cycle.json"));

            assertThat(fetchAll(allOrders())).hasSize(1);
            assertThat(requests(server)).hasSize(2);
        }

        @Test
        void readTimeoutIsRetried() {
            gateway.close();
            gateway = open(settings().withReadTimeout(Duration.ofMillis(300)));
            stubSequence(okJson("orders-by-billing-cycle.json").withFixedDelay(1500), okJson("orders-by-billing-cycle.json"));

            assertThat(fetchAll(allOrders())).hasSize(1);
            assertThat(requests(server)).hasSize(2);
            assertThat(time.sleeps()).hasSize(1);
        }

        @Test
        void connectionResetEveryTimeEndsUnavailableWithTheIds() {
            server.stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOfSatisfying(Unavailable.class, e -> {
                assertThat(e.error().requestId()).isPresent();
                assertThat(e.error().correlationVector()).hasValueSatisfying(cv -> assertThat(cv).endsWith(".4"));
                assertThat(e.error().httpStatus()).isEmpty();
                assertNoSecretIn(e, TOKEN);
            });
            assertThat(requests(server)).hasSize(4);
        }

        @Test
        void bodyCutShortByTheConnectionIsRetried() {
            stubSequence(aResponse().withStatus(200).withFault(Fault.RANDOM_DATA_THEN_CLOSE),
                    aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK), okJson("orders-by-billing-cycle.json"));

            assertThat(fetchAll(allOrders())).hasSize(1);
            assertThat(requests(server)).hasSize(3);
        }

        @Test
        void truncatedJsonInACompleteResponseIsMalformedAndNotRetried() {
            byte[] whole = OrderJsonDecoderTest.fixtureBytes("orders-by-billing-cycle.json");
            byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
            server.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(half)));

            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOfSatisfying(MalformedResponse.class, e -> {
                assertThat(e.location()).isPresent();
                assertThat(e.error().httpStatus()).hasValue(200);
                assertThat(e.error().requestId()).isPresent();
            });
            assertThat(requests(server)).hasSize(1);
        }

        @Test
        void htmlFiveHundredThreeBecomesUnavailableWithContentTypeAndSnippet() {
            server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                    .withBody("<html><body><h1>Service Unavailable</h1>\n<p>proxy says no</p></body></html>")));

            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOfSatisfying(Unavailable.class, e -> {
                assertThat(e.error().contentType()).hasValue("text/html");
                assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d)
                        .contains("text/html").contains("<h1>Service Unavailable</h1>").doesNotContain("\n"));
                assertThat(e.getMessage()).contains("HTTP 503");
            });
        }

        @Test
        void neverRetriedStatuses() {
            for (int status : List.of(400, 403, 404, 409, 412)) {
                server.resetAll();
                server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(status)));
                assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOf(PartnerCenterException.class);
                assertThat(requests(server)).as("status %d", status).hasSize(1);
            }
            assertThat(time.sleeps()).isEmpty();
        }

        @Test
        void statusesMicronautHasNoConstantForEndInTheirTypedErrorsAndUndocumented5xxAreRetried() {
            int attempts = settings().retryPolicy().maxAttempts();
            Map<Integer, Class<? extends PartnerCenterException>> expected = Map.of(
                    499, PartnerCenterException.BadRequest.class, 520, Unavailable.class, 599, Unavailable.class,
                    999, MalformedResponse.class);
            expected.forEach((status, type) -> {
                server.resetAll();
                server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(status)));

                assertThatThrownBy(() -> fetchAll(allOrders())).as("HTTP %d", status).isInstanceOf(type)
                        .hasMessageContaining("HTTP " + status);
                assertThat(requests(server)).as("HTTP %d", status).hasSize(status >= 500 && status <= 599 ? attempts : 1);
            });
        }

        @Test
        void nextPageGetsANewRequestIdAndItsOwnRetries() {
            server.stubFor(get(urlPathEqualTo(ORDERS_PATH)).atPriority(1)
                    .withQueryParam("page", equalTo("2"))
                    .inScenario("page2").whenScenarioStateIs(STARTED).willSetStateTo("ok")
                    .willReturn(throttled("3")));
            server.stubFor(get(urlPathEqualTo(ORDERS_PATH)).atPriority(1)
                    .withQueryParam("page", equalTo("2"))
                    .inScenario("page2").whenScenarioStateIs("ok")
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(collection(""))));
            server.stubFor(get(urlPathEqualTo(ORDERS_PATH)).atPriority(5).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json").withBody(collection(nextLink("/customers/" + CUSTOMER
                            + "/orders?page=2", "")))));

            assertThat(fetchAll(allOrders())).hasSize(2);

            List<LoggedRequest> sent = requests(server);
            assertThat(sent).hasSize(3);
            assertThat(sent.get(1).getHeader("MS-RequestId")).isNotEqualTo(sent.get(0).getHeader("MS-RequestId"))
                    .isEqualTo(sent.get(2).getHeader("MS-RequestId"));
            assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
        }
    }

    @Nested
    class Errors {

        @ParameterizedTest
        @CsvSource({"400, BadRequest", "403, Forbidden", "404, NotFound", "409, Conflict", "412, Conflict",
                "401, Unauthorized", "405, BadRequest"})
        void statusMapsToItsTypeWithTheDocumentedBodyParsed(int status, String type) {
            server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("MS-CorrelationId", "corr-from-server").withHeader("MS-RequestId", "req-from-server")
                    .withHeader("MS-CV", "cv-from-server.1")
                    .withBody("{\"code\":\"20002\",\"description\":\"No commerce relationship\",\"data\":[\"a\",{\"k\":1}],"
                            + "\"source\":\"PartnerFD\"}")));

            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOfSatisfying(PartnerCenterException.class, e -> {
                assertThat(e.getClass().getSimpleName()).isEqualTo(type);
                assertThat(e.isTransient()).isFalse();
                assertThat(e.error().httpStatus()).hasValue(status);
                assertThat(e.error().code()).hasValue("20002");
                assertThat(e.error().description()).hasValue("No commerce relationship");
                assertThat(e.error().data()).containsExactly("a", "{\"k\":1}");
                assertThat(e.error().source()).hasValue("PartnerFD");
                assertThat(e.error().contentType()).hasValue("application/json");
                assertThat(e.error().correlationId()).hasValue("corr-from-server");
                assertThat(e.error().requestId()).hasValue("req-from-server");
                assertThat(e.error().correlationVector()).hasValue("cv-from-server.1");
                assertThat(e.getMessage()).contains("HTTP " + status).contains("20002");
                assertNoSecretIn(e, TOKEN);
            });
        }

        @Test
        void numericCodeAndMissingFieldsAndOwnIdsWhenServerSendsNone() {
            server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":60003,\"description\":\"Tenant not found\"}")));

            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOfSatisfying(NotFound.class, e -> {
                assertThat(e.error().code()).hasValue("60003");
                assertThat(e.error().data()).isEmpty();
                assertThat(e.error().source()).isEmpty();
                LoggedRequest sent = requests(server).get(0);
                assertThat(e.error().requestId()).hasValue(sent.getHeader("MS-RequestId"));
                assertThat(e.error().correlationId()).hasValue(sent.getHeader("MS-CorrelationId"));
                assertThat(e.error().correlationVector()).hasValue(sent.getHeader("MS-CV"));
            });
        }

        @Test
        void xmlAndEmptyErrorBodiesNeverEscapeAsParserErrors() {
            server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/xml")
                    .withBody("<Error><Code>800002</Code></Error>")));
            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOfSatisfying(BadRequest.class, e -> {
                assertThat(e.error().contentType()).hasValue("application/xml");
                assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains("<Code>800002</Code>"));
            });

            server.resetAll();
            server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(403)));
            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOfSatisfying(Forbidden.class,
                    e -> assertThat(e.error().description()).isEmpty());

            server.resetAll();
            server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                    .withBody("{\"code\": [broken")));
            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOf(Conflict.class);
        }

        @Test
        void nonJsonOkIsMalformedNamingTheContentType() {
            server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                    .withBody("<html>login page</html>")));

            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOfSatisfying(MalformedResponse.class, e -> {
                assertThat(e.getMessage()).contains("'text/html'");
                assertThat(e.error().contentType()).hasValue("text/html");
            });
            assertThat(requests(server)).hasSize(1);
        }

        @Test
        void emptyOkIsMalformed() {
            server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));

            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOf(MalformedResponse.class)
                    .hasMessageContaining("empty");
        }

        @Test
        void bodyOverTheSizeLimitIsMalformedNamingTheSetting() {
            gateway.close();
            gateway = open(settings().withMaxBodyBytes(2048));
            server.stubFor(get(anyUrl()).willReturn(okJson("orders-by-billing-cycle.json")));

            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOf(MalformedResponse.class)
                    .hasMessageContaining("max-body-bytes");
        }

        @Test
        void redirectIsNotFollowedSoTheTokenStaysHome() {
            server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", base(otherHost) + ORDERS_PATH)));

            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOf(MalformedResponse.class)
                    .hasMessageContaining("redirect");
            assertThat(requests(otherHost)).isEmpty();
        }
    }

    @Nested
    class Authorization {

        @Test
        void unauthorizedOnceThenOneRefreshThenSuccess() {
            CountingTokens tokens = new CountingTokens("old-token", "new-token");
            gateway.close();
            gateway = PartnerCenterOrderGateways.open(settings(), tokens, time, time);
            server.stubFor(get(anyUrl()).withHeader("Authorization", equalTo("Bearer old-token"))
                    .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer")));
            server.stubFor(get(anyUrl()).withHeader("Authorization", equalTo("Bearer new-token"))
                    .willReturn(okJson("orders-by-billing-cycle.json")));

            assertThat(fetchAll(allOrders())).hasSize(1);

            assertThat(tokens.refreshes()).isEqualTo(1);
            List<LoggedRequest> sent = requests(server);
            assertThat(sent).extracting(r -> r.getHeader("Authorization")).containsExactly("Bearer old-token", "Bearer new-token");
            assertThat(sent.get(1).getHeader("MS-RequestId")).isEqualTo(sent.get(0).getHeader("MS-RequestId"));
            assertThat(time.sleeps()).isEmpty();
        }

        @Test
        void unauthorizedTwiceIsUnauthorizedAfterExactlyOneRefresh() {
            CountingTokens tokens = new CountingTokens("old-token", "new-token", "newer-token");
            gateway.close();
            gateway = PartnerCenterOrderGateways.open(settings(), tokens, time, time);
            server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":900420,\"description\":\"retired audience\"}")));

            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOfSatisfying(Unauthorized.class, e -> {
                assertThat(e.error().code()).hasValue("900420");
                assertThat(e.getMessage()).doesNotContain("old-token").doesNotContain("new-token");
            });
            assertThat(tokens.refreshes()).isEqualTo(1);
            assertThat(requests(server)).hasSize(2);
        }
        @Test
        void aTokenEndpointBrieflyDownIsRetriedWithinTheBudgetThenTheRequestGoesOut() {
            java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
            dev.pcorders.adapter.http.auth.AccessTokenProvider flaky = new dev.pcorders.adapter.http.auth.AccessTokenProvider() {
                @Override
                public dev.pcorders.adapter.http.auth.AccessToken currentToken() {
                    if (asked.incrementAndGet() <= 2) {
                        throw new dev.pcorders.adapter.http.auth.AccessTokenException("token endpoint answered 503",
                                java.util.Optional.empty(), true, null);
                    }
                    return new dev.pcorders.adapter.http.auth.AccessToken("after-two-failures", java.time.Instant.MAX);
                }

                @Override
                public dev.pcorders.adapter.http.auth.AccessToken refreshedToken(dev.pcorders.adapter.http.auth.AccessToken rejected) {
                    return currentToken();
                }
            };
            stubSequence(okJson("orders-by-billing-cycle.json"));
            gateway.close();
            gateway = PartnerCenterOrderGateways.open(settings(), flaky, time, time);

            assertThat(fetchAll(allOrders())).hasSize(1);
            assertThat(time.sleeps()).hasSize(2);
            assertThat(asked).hasValue(3);
            assertThat(requests(server)).singleElement().satisfies(request -> assertThat(request.getHeader("Authorization"))
                    .isEqualTo("Bearer after-two-failures"));
        }

        @Test
        void aTokenEndpointDownForTheWholeBudgetIsUnavailableWithoutAnyRequest() {
            java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
            dev.pcorders.adapter.http.auth.AccessTokenProvider down = new dev.pcorders.adapter.http.auth.AccessTokenProvider() {
                @Override
                public dev.pcorders.adapter.http.auth.AccessToken currentToken() {
                    asked.incrementAndGet();
                    throw new dev.pcorders.adapter.http.auth.AccessTokenException("token endpoint timed out",
                            java.util.Optional.empty(), true, null);
                }

                @Override
                public dev.pcorders.adapter.http.auth.AccessToken refreshedToken(dev.pcorders.adapter.http.auth.AccessToken rejected) {
                    return currentToken();
                }
            };
            gateway.close();
            gateway = PartnerCenterOrderGateways.open(settings(), down, time, time);

            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOf(Unavailable.class)
                    .hasMessageContaining("no access token");
            assertThat(asked).hasValue(settings().retryPolicy().maxAttempts());
            assertThat(requests(server)).isEmpty();
        }

        @Test
        void tokenEndpointFailuresBecomeTheirPortExceptionsWithoutAnyRequest() {
            dev.pcorders.adapter.http.auth.AccessTokenProvider refusing = new dev.pcorders.adapter.http.auth.AccessTokenProvider() {
                @Override
                public dev.pcorders.adapter.http.auth.AccessToken currentToken() {
                    throw new dev.pcorders.adapter.http.auth.AccessTokenException("token endpoint refused: invalid_client",
                            java.util.Optional.of("invalid_client"), false, null);
                }

                @Override
                public dev.pcorders.adapter.http.auth.AccessToken refreshedToken(dev.pcorders.adapter.http.auth.AccessToken rejected) {
                    return currentToken();
                }
            };
            gateway.close();
            gateway = PartnerCenterOrderGateways.open(settings(), refusing, time, time);

            assertThatThrownBy(() -> fetchAll(allOrders())).isInstanceOfSatisfying(Unauthorized.class, e -> {
                assertThat(e.error().code()).hasValue("invalid_client");
                assertThat(e.error().httpStatus()).isEmpty();
            });
            assertThat(requests(server)).isEmpty();
        }
    }

    @Nested
    class Paging {

        @Test
        void followsNextLinksReplayingTheContinuationHeaderOnePageAtATime() {
            server.stubFor(get(urlPathEqualTo(ORDERS_PATH)).atPriority(1).withHeader("MS-ContinuationToken", equalTo("tok+2/=="))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(collection(""))));
            server.stubFor(get(urlPathEqualTo(ORDERS_PATH)).atPriority(5).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(collection(nextLink("/customers/" + CUSTOMER + "/orders?seek=a%2Fb", "tok+2/==")))));

            try (Stream<Page<Order>> pages = gateway.fetchPages(allOrders())) {
                Iterator<Page<Order>> iterator = pages.iterator();
                Page<Order> first = iterator.next();
                assertThat(first.pageNumber()).isEqualTo(1);
                assertThat(requests(server)).hasSize(1);
                Page<Order> second = iterator.next();
                assertThat(second.pageNumber()).isEqualTo(2);
                assertThat(second.items()).extracting(o -> o.id().value()).containsExactly("o-1");
                assertThat(iterator.hasNext()).isFalse();
            }

            List<LoggedRequest> sent = requests(server);
            assertThat(sent).hasSize(2);
            assertThat(sent.get(1).getUrl()).isEqualTo(ORDERS_PATH + "?seek=a%2Fb");
            assertThat(sent.get(1).getHeader("MS-ContinuationToken")).isEqualTo("tok+2/==");
            assertFollowsWithinTheFetch(sent.get(1), sent.get(0));
        }

        @Test
        void nextLinkWithTheVersionInItOrAbsoluteOnTheSameHostIsFollowed() {
            server.stubFor(get(urlPathEqualTo(ORDERS_PATH)).atPriority(1).withQueryParam("p", equalTo("2"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody(collection(nextLink(base(server) + ORDERS_PATH + "?p=3", "")))));
            server.stubFor(get(urlPathEqualTo(ORDERS_PATH)).atPriority(1).withQueryParam("p", equalTo("3"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(collection(""))));
            server.stubFor(get(urlPathEqualTo(ORDERS_PATH)).atPriority(5).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json").withBody(collection(nextLink(ORDERS_PATH + "?p=2", "")))));

            assertThat(fetchAll(allOrders())).extracting(Page<Order>::pageNumber).containsExactly(1, 2, 3);
        }

        @Test
        void nextLinkToAnotherHostIsRefusedAndNothingReachesThatHost() {
            for (String foreign : foreignNextLinks(server, otherHost, ORDERS_PATH)) {
                server.resetAll();
                server.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(collection(nextLink(foreign, "")))));

                assertThatThrownBy(() -> fetchAll(allOrders())).as(foreign)
                        .isInstanceOfSatisfying(MalformedResponse.class, e -> {
                            assertThat(e.location()).hasValue("links.next.uri");
                            assertThat(e.getMessage()).contains("not followed");
                            assertNoSecretIn(e, TOKEN);
                        });
                assertThat(requests(server)).hasSize(1);
            }
            assertThat(requests(otherHost)).isEmpty();
        }

        @Test
        void aContinuationHeaderThatCannotBeReplayedExactlyIsMalformedAndNotSent() {
            // As JSON string escapes: a leading or trailing space, a control character, CR LF, non-ASCII (中文).
            for (String value : List.of(" tok", "tok ", "a\\u0001b", "a\\r\\nX-Injected: 1", "\\u4e2d\\u6587")) {
                server.resetAll();
                server.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(collection(nextLink("/customers/" + CUSTOMER + "/orders?p=2", value)))));

                assertThatThrownBy(() -> fetchAll(allOrders())).as(value)
                        .isInstanceOfSatisfying(MalformedResponse.class, e -> {
                            assertThat(e.location()).hasValue("links.next.headers");
                            assertThat(e.getMessage()).contains("MS-ContinuationToken");
                        });
                assertThat(requests(server)).as(value).hasSize(1);
            }
        }

        @Test
        void aContinuationTokenWithInnerSpacesAndPunctuationIsReplayedAsSent() {
            String token = "+RID:~abc== #RT:1 #TRC:10";
            server.stubFor(get(urlPathEqualTo(ORDERS_PATH)).atPriority(1).withHeader("MS-ContinuationToken", equalTo(token))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(collection(""))));
            server.stubFor(get(urlPathEqualTo(ORDERS_PATH)).atPriority(5).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(collection(nextLink("/customers/" + CUSTOMER + "/orders?p=2", token)))));

            assertThat(fetchAll(allOrders())).hasSize(2);
            assertThat(requests(server).get(1).getHeader("MS-ContinuationToken")).isEqualTo(token);
        }

        @Test
        void repeatedNextLinkStopsThePaging() {
            server.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody(collection(nextLink("/customers/" + CUSTOMER + "/orders?again=1", "")))));

            assertThat(fetchAll(allOrders())).hasSize(2);
            assertThat(requests(server)).hasSize(2);
        }

        @Test
        void maxPagesGuardsAgainstEndlessPaging() {
            gateway.close();
            gateway = open(settings().withMaxPages(3));
            for (int page = 1; page <= 5; page++) {
                server.stubFor(get(urlPathEqualTo(ORDERS_PATH)).atPriority(page == 1 ? 9 : 1)
                        .withQueryParam("p", page == 1 ? com.github.tomakehurst.wiremock.client.WireMock.absent() : equalTo("" + page))
                        .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                .withBody(collection(nextLink(ORDERS_PATH + "?p=" + (page + 1), "")))));
            }

            try (Stream<Page<Order>> pages = gateway.fetchPages(allOrders())) {
                Iterator<Page<Order>> iterator = pages.iterator();
                assertThat(iterator.next().pageNumber()).isEqualTo(1);
                assertThat(iterator.next().pageNumber()).isEqualTo(2);
                assertThat(iterator.next().pageNumber()).isEqualTo(3);
                assertThatThrownBy(iterator::next).isInstanceOf(MalformedResponse.class).hasMessageContaining("max-pages");
            }
            assertThat(requests(server)).hasSize(3);
        }

        @Test
        void closingTheStreamEarlyStopsFetching() {
            server.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody(collection(nextLink("/customers/" + CUSTOMER + "/orders?more=" + System.nanoTime(), "")))));

            try (Stream<Page<Order>> pages = gateway.fetchPages(allOrders())) {
                assertThat(pages.limit(1).count()).isEqualTo(1);
            }
            assertThat(requests(server)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = BillingCycle.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void everyKnownBillingCycleHasAnIntegerAndAName(BillingCycle cycle) {
        assertThat(OrderRequestPath.billingType(cycle, BillingTypeEncoding.INTEGER)).matches("[1-6]");
        assertThat(OrderRequestPath.billingType(cycle, BillingTypeEncoding.NAME)).isEqualTo(cycle.wireName());
    }

    @Test
    void gatewayNeverShowsTheTokenInItsDescription() {
        assertThat(gateway.toString()).doesNotContain(TOKEN);
        assertThat(new StaticAccessTokenProvider(TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(new StaticAccessTokenProvider(TOKEN).currentToken().toString()).doesNotContain(TOKEN);
        assertThat(Set.of(settings().toString())).noneMatch(text -> text.contains(TOKEN));
    }

    private static ResponseDefinitionBuilder throttled(String retryAfter) {
        return aResponse().withStatus(429).withHeader("Retry-After", retryAfter).withHeader("Content-Type", "application/json")
                .withBody("{ \"statusCode\": 429, \"message\": \"Rate limit is exceeded.\" }");
    }

    private void stubSequence(ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            server.stubFor(get(anyUrl()).inScenario("sequence")
                    .whenScenarioStateIs(i == 0 ? STARTED : "step" + i)
                    .willSetStateTo("step" + (i + 1))
                    .willReturn(responses[i]));
        }
    }

    static String collection(String links) {
        return ("{\"totalCount\":1,\"items\":[{\"id\":\"o-1\",\"referenceCustomerId\":\"" + CUSTOMER + "\","
                + "\"creationDate\":\"2020-01-02T03:04:05Z\",\"lineItems\":[]}]" + links + "}");
    }
}
