package dev.pcorders.cli.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.pcorders.adapter.http.auth.StaticAccessTokenProvider;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.http.partnercenter.RetryPolicy;
import dev.pcorders.application.order.port.in.CustomerSyncResult;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.shared.port.in.SyncFailure;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Throttled;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Unavailable;
import dev.pcorders.bootstrap.PcOrders;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.ScopedQuery;
import dev.pcorders.sandbox.FaultKind;
import dev.pcorders.sandbox.FaultPlan;
import dev.pcorders.sandbox.OrdersQuery;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxData;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transport and payload fault in one table, end to end through {@link PcOrders}: each row is run
 * once live ({@code getOrders}, which must give the orders or the right {@link PartnerCenterException})
 * and once as a sync into SQLite (which must store the snapshot or report the matching failure kind and
 * store nothing). The server counts the attempts, which must be exactly the row's, so within the retry
 * policy's maximum; every attempt of the one request carries the same MS-RequestId. WireMock serves the
 * status and timing faults, a raw socket server the broken connections, the sandbox its own fault plan.
 */
class FaultMatrixReliabilityTest {

    private static final int MAX_ATTEMPTS = 3;
    // Short waits keep the matrix quick; Retry-After (1 s from the sandbox, more below) is capped to max delay.
    private static final RetryPolicy POLICY =
            new RetryPolicy(MAX_ATTEMPTS, Duration.ofMillis(10), Duration.ofMillis(150), Duration.ofSeconds(20));
    private static final Duration READ_TIMEOUT = Duration.ofMillis(800);
    private static final int SLOWER_THAN_READ_TIMEOUT_MS = 2_500;

    private static final SandboxSettings DATA = SandboxSettings.defaults().withCustomers(1).withOrdersPerCustomer(12);

    private static WireMockServer wiremock;
    private static RawHttpServer raw;
    private static String customer;
    private static byte[] ordersBody;
    private static long orders;
    private static SandboxServer sandbox;

    @TempDir
    Path folder;

    enum Server { WIREMOCK, RAW, SANDBOX }

    /**
     * One fault scenario. {@code expected} is empty for "ends with the orders". Server-specific scripts:
     * WireMock answers {@code wiremockReplies} in turn, the raw server {@code rawReplies}, the sandbox
     * {@code sandboxFault} once. Each script is followed by a good answer, so an attempt beyond the
     * expected count would show up as a success where a failure was due, or as an extra request.
     */
    record Row(String name, Server server, Class<? extends PartnerCenterException> expected, int attempts,
               Supplier<List<ResponseDefinitionBuilder>> wiremockReplies, Supplier<List<RawHttpServer.Reply>> rawReplies,
               FaultKind sandboxFault) {

        boolean succeeds() {
            return expected == null;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void startServers() throws Exception {
        wiremock = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        wiremock.start();
        raw = new RawHttpServer();
        SandboxData data = Sandbox.data(DATA);
        customer = data.customers().get(0).id();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        data.writeOrders(customer, OrdersQuery.plain(), body);
        ordersBody = body.toByteArray();
        orders = CacheFile.servedOrders(data, customer);
    }

    @AfterAll
    static void stopServers() throws Exception {
        wiremock.stop();
        raw.close();
    }

    static Stream<Row> matrix() {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        List<Row> rows = new ArrayList<>(List.of(
                wm("429 with Retry-After in seconds, twice, then the orders", null, 3,
                        () -> List.of(throttled("1"), throttled("1"))),
                wm("429 with Retry-After as an HTTP date, then the orders", null, 2,
                        () -> List.of(throttled(inTwoSeconds))),
                wm("429 on every attempt", Throttled.class, MAX_ATTEMPTS, () -> times(MAX_ATTEMPTS, () -> throttled("1"))),
                wm("500 once, then the orders", null, 2, () -> List.of(status(500))),
                wm("500 twice, then the orders", null, 3, () -> List.of(status(500), status(500))),
                wm("500 on every attempt", Unavailable.class, MAX_ATTEMPTS, () -> times(MAX_ATTEMPTS, () -> status(500))),
                wm("502 and 504, then the orders", null, 3, () -> List.of(status(502), status(504))),
                wm("503 with an HTML body, then the orders", null, 2, () -> List.of(html503())),
                wm("503 with an HTML body on every attempt", Unavailable.class, MAX_ATTEMPTS,
                        () -> times(MAX_ATTEMPTS, FaultMatrixReliabilityTest::html503)),
                wm("connection reset before the response, then the orders", null, 2,
                        () -> List.of(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))),
                wm("connection reset on every attempt", Unavailable.class, MAX_ATTEMPTS,
                        () -> times(MAX_ATTEMPTS, () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))),
                wm("garbage then a closed connection, then the orders", null, 2,
                        () -> List.of(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE))),
                wm("a malformed chunk, then the orders", null, 2,
                        () -> List.of(aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK))),
                wm("headers slower than the read timeout, then the orders", null, 2,
                        () -> List.of(ok().withFixedDelay(SLOWER_THAN_READ_TIMEOUT_MS))),
                wm("headers slower than the read timeout on every attempt", Unavailable.class, MAX_ATTEMPTS,
                        () -> times(MAX_ATTEMPTS, () -> ok().withFixedDelay(SLOWER_THAN_READ_TIMEOUT_MS))),
                wm("a slow body that keeps within the read timeout", null, 1,
                        () -> List.of(ok().withChunkedDribbleDelay(4, 400))),
                // The read timeout bounds the whole response, not the gap between two pieces of it.
                wm("a slow body that outlasts the read timeout on every attempt", Unavailable.class, MAX_ATTEMPTS,
                        () -> times(MAX_ATTEMPTS, () -> ok().withChunkedDribbleDelay(8, SLOWER_THAN_READ_TIMEOUT_MS))),
                wm("invalid JSON", MalformedResponse.class, 1,
                        () -> List.of(ok().withBody("{\"totalCount\": 1, \"items\": [{\"id\": }"))),
                wm("JSON cut short in a complete response", MalformedResponse.class, 1,
                        () -> List.of(ok().withBody(Arrays.copyOf(ordersBody, ordersBody.length / 2)))),
                wm("an empty 200", MalformedResponse.class, 1, () -> List.of(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json"))),
                wm("a 200 with text/html", MalformedResponse.class, 1, () -> List.of(aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/html").withBody("<html><body>Sign in</body></html>"))),
                wm("a 200 with application/xml", MalformedResponse.class, 1, () -> List.of(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/xml")
                        .withBody("<ResourceCollection><TotalCount>1</TotalCount></ResourceCollection>"))),
                rawRow("connection reset in the middle of the body, then the orders", null, 2,
                        () -> List.of(RawHttpServer.resetMidBody(ordersBody))),
                rawRow("connection reset in the middle of the body on every attempt", Unavailable.class, MAX_ATTEMPTS,
                        () -> times(MAX_ATTEMPTS, () -> RawHttpServer.resetMidBody(ordersBody))),
                rawRow("body shorter than its Content-Length, then the orders", null, 2,
                        () -> List.of(RawHttpServer.truncated(ordersBody))),
                rawRow("body shorter than its Content-Length on every attempt", Unavailable.class, MAX_ATTEMPTS,
                        () -> times(MAX_ATTEMPTS, () -> RawHttpServer.truncated(ordersBody)))));
        for (FaultKind fault : List.of(FaultKind.THROTTLED, FaultKind.INTERNAL_ERROR_JSON, FaultKind.INTERNAL_ERROR_HTML,
                FaultKind.UNAVAILABLE_JSON, FaultKind.UNAVAILABLE_HTML, FaultKind.CONNECTION_RESET, FaultKind.TRUNCATED_BODY,
                FaultKind.DELAY, FaultKind.TOKEN_EXPIRED)) {
            rows.add(new Row("sandbox fault plan: " + fault + ", then the orders", Server.SANDBOX, null, 2, null, null, fault));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void endsWithTheOrdersOrTheRightFailureWithinTheAttempts(Row row) throws Exception {
        // Live: the exception type itself.
        Server run = prepare(row);
        try (PcOrders live = PcOrders.builder().partnerCenter(settings(run)).accessTokenProvider(tokens()).build()) {
            Throwable failure = catchThrowable(() -> {
                try (Stream<?> all = live.getOrders().getOrders(ScopedQuery.of(OrderScope.allOrdersOf(CustomerId.parse(customer))))) {
                    assertThat(all.count()).as(row.name()).isEqualTo(orders);
                }
            });
            if (row.succeeds()) {
                assertThat(failure).as(row.name()).isNull();
            } else {
                assertThat(failure).as(row.name()).isInstanceOf(row.expected());
                assertThat(((PartnerCenterException) failure).error().requestId()).as(row.name()).isPresent();
            }
        }
        assertAttempts(row, "live");

        // Sync: the same outcome as the use case reports it, and nothing stored on failure.
        prepare(row);
        Path database = folder.resolve("matrix.db");
        try (PcOrders sync = PcOrders.builder().partnerCenter(settings(run)).accessTokenProvider(tokens())
                .database(database).build()) {
            CustomerSyncResult result = sync.syncOrders().syncOrders(SyncOrdersCommand.of(CustomerId.parse(customer)))
                    .customers().get(0);
            if (row.succeeds()) {
                assertThat(result).as(row.name()).isInstanceOf(CustomerSyncResult.Succeeded.class);
                assertThat(((CustomerSyncResult.Succeeded) result).orders()).isEqualTo(orders);
                assertThat(CacheFile.holdings(database, customer)).singleElement()
                        .satisfies(holding -> assertThat(holding.orders()).isEqualTo(orders));
            } else {
                assertThat(result).as(row.name()).isInstanceOf(CustomerSyncResult.Failed.class);
                SyncFailure failure = ((CustomerSyncResult.Failed) result).failure();
                assertThat(failure.kind()).as(row.name()).isEqualTo(kindOf(row.expected()));
                assertThat(CacheFile.holdings(database, customer)).isEmpty();
            }
        }
        assertAttempts(row, "sync");
        ReliabilityFigures.record("faults.row", 1);
    }

    /** Arms the row's server with its script, followed by a good answer; returns the server to talk to. */
    private static Server prepare(Row row) {
        switch (row.server()) {
            case WIREMOCK -> {
                wiremock.resetAll();
                List<ResponseDefinitionBuilder> replies = new ArrayList<>(row.wiremockReplies().get());
                replies.add(ok());
                for (int i = 0; i < replies.size(); i++) {
                    wiremock.stubFor(get(anyUrl()).inScenario("faults").whenScenarioStateIs(i == 0 ? STARTED : "after " + i)
                            .willSetStateTo("after " + (i + 1)).willReturn(replies.get(i)));
                }
            }
            case RAW -> {
                List<RawHttpServer.Reply> replies = new ArrayList<>(row.rawReplies().get());
                replies.add(RawHttpServer.json(ordersBody));
                raw.script(replies);
            }
            case SANDBOX -> {
                if (sandbox != null) {
                    sandbox.close();
                }
                sandbox = Sandbox.start(DATA.withFaults(FaultPlan.schedule(row.sandboxFault())
                        .withDelay(Duration.ofMillis(SLOWER_THAN_READ_TIMEOUT_MS))));
            }
        }
        return row.server();
    }

    private static PartnerCenterClientSettings settings(Server server) {
        URI base = switch (server) {
            case WIREMOCK -> URI.create("http://127.0.0.1:" + wiremock.port());
            case RAW -> URI.create("http://127.0.0.1:" + raw.port());
            case SANDBOX -> sandbox.baseUrl();
        };
        return PartnerCenterClientSettings.defaults().withBaseUrl(base).withRetryPolicy(POLICY)
                .withReadTimeout(READ_TIMEOUT).withConnectTimeout(Duration.ofSeconds(2));
    }

    private static StaticAccessTokenProvider tokens() {
        return new StaticAccessTokenProvider("matrix-token");
    }

    private static void assertAttempts(Row row, String pass) {
        String what = row.name() + " (" + pass + ")";
        List<String> requestIds;
        switch (row.server()) {
            case WIREMOCK -> requestIds = wiremock.findAll(getRequestedFor(anyUrl())).stream()
                    .map(request -> request.getHeader("MS-RequestId")).collect(Collectors.toList());
            case RAW -> requestIds = raw.journal().stream().map(headers -> headers.get("ms-requestid"))
                    .collect(Collectors.toList());
            default -> {
                // The sandbox keeps no journal, only its count of orders requests.
                assertThat(sandbox.statistics().ordersRequests()).as(what).isEqualTo(row.attempts());
                sandbox.close();
                sandbox = null;
                return;
            }
        }
        assertThat(requestIds).as(what + ": attempts").hasSize(row.attempts());
        assertThat(requestIds.get(0)).as(what).matches("[0-9a-f-]{36}");
        assertThat(requestIds).as(what + ": one MS-RequestId for every attempt").containsOnly(requestIds.get(0));
        ReliabilityFigures.record("faults.requests", requestIds.size());
    }

    private static SyncFailure.Kind kindOf(Class<? extends PartnerCenterException> type) {
        if (type == Throttled.class) {
            return SyncFailure.Kind.THROTTLED;
        }
        if (type == Unavailable.class) {
            return SyncFailure.Kind.UNAVAILABLE;
        }
        return SyncFailure.Kind.MALFORMED_RESPONSE;
    }

    private static Row wm(String name, Class<? extends PartnerCenterException> expected, int attempts,
                          Supplier<List<ResponseDefinitionBuilder>> replies) {
        return new Row(name, Server.WIREMOCK, expected, attempts, replies, null, null);
    }

    private static Row rawRow(String name, Class<? extends PartnerCenterException> expected, int attempts,
                              Supplier<List<RawHttpServer.Reply>> replies) {
        return new Row(name, Server.RAW, expected, attempts, null, replies, null);
    }

    private static <T> List<T> times(int count, Supplier<T> reply) {
        return Collections.nCopies(count, reply.get());
    }

    private static ResponseDefinitionBuilder ok() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(ordersBody);
    }

    private static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"" + status + "\",\"description\":\"fault\"}");
    }

    private static ResponseDefinitionBuilder throttled(String retryAfter) {
        return aResponse().withStatus(429).withHeader("Retry-After", retryAfter).withHeader("Content-Type", "application/json")
                .withBody("{\"statusCode\": 429, \"message\": \"Rate limit is exceeded.\"}");
    }

    private static ResponseDefinitionBuilder html503() {
        return aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>503 Service Unavailable</h1></body></html>".getBytes(StandardCharsets.UTF_8));
    }
}
