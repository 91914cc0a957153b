package dev.pcorders.cli.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pcorders.adapter.http.auth.AccessTokenProvider;
import dev.pcorders.adapter.http.auth.ClientCredentialsTokenProvider;
import dev.pcorders.adapter.http.auth.EntraTokenEndpoint;
import dev.pcorders.adapter.http.auth.StaticAccessTokenProvider;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.http.partnercenter.RetryPolicy;
import dev.pcorders.application.order.port.in.CustomerSyncResult;
import dev.pcorders.application.order.port.in.ReconcileOrdersCommand;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.in.SyncResult;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.bootstrap.PcOrders;
import dev.pcorders.cli.PcOrdersCli;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.ScopedQuery;
import dev.pcorders.sandbox.ReconciliationPlan;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A marker access token and a marker client secret go through full syncs and reconciliations, from
 * Java and from the command line, with DEBUG logging on, and through failures: neither marker may show
 * up in the logs, on stdout or stderr, in the SQLite files (the WAL included) or in an exception message.
 * The Authorization header stays with the Partner Center host: a redirect or a next link to another
 * host is not followed.
 */
class SecretsReliabilityTest {

    private static final String TOKEN_MARKER = "tok-MARKER-7f3c9b1e5d0a";
    private static final String SECRET_MARKER = "sec-MARKER-2a8d4f6c0e1b";
    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String CLIENT_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static SandboxServer sandbox;
    private static WireMockServer partnerCenter;
    private static WireMockServer otherHost;

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> appender;
    private Level rootLevelBefore;
    private final List<String> seen = new ArrayList<>();

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(2).withOrdersPerCustomer(30).withPageSize(7));
        partnerCenter = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        otherHost = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        partnerCenter.start();
        otherHost.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        partnerCenter.stop();
        otherHost.stop();
    }

    @BeforeEach
    void captureDebugLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger %mdc %msg%n%ex");
        encoder.start();
        appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(logs);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        rootLevelBefore = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(appender);
        partnerCenter.resetAll();
        otherHost.resetAll();
    }

    @AfterEach
    void restoreLogging() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        root.setLevel(rootLevelBefore);
        appender.stop();
    }

    @Test
    void markersAppearNowhereAfterSyncsAndReconciliationsFromJavaAndTheCommandLine() throws Exception {
        Path database = folder.resolve("secrets.db");
        Path ledger = folder.resolve("reconciliation.csv");
        sandbox.data().writeReconciliationCsv(ledger, ReconciliationPlan.of(1, false));
        List<CustomerId> customers = sandbox.customerIds().stream().map(CustomerId::parse).collect(Collectors.toList());
        AccessTokenProvider clientCredentials = new ClientCredentialsTokenProvider(
                EntraTokenEndpoint.forTenant(TENANT).withAuthority(sandbox.baseUrl()), CLIENT_ID, SECRET_MARKER);
        long filesChecked = 0;

        for (AccessTokenProvider tokens : List.of(clientCredentials, new StaticAccessTokenProvider(TOKEN_MARKER))) {
            seen.add(tokens.toString());
            try (PcOrders pcOrders = PcOrders.builder()
                    .partnerCenter(PartnerCenterClientSettings.defaults().withBaseUrl(sandbox.baseUrl()))
                    .accessTokenProvider(tokens).database(database).build()) {
                SyncResult result = pcOrders.syncOrders().syncOrders(SyncOrdersCommand.of(customers).withPrices());
                assertThat(result.customers()).allMatch(CustomerSyncResult::succeeded);
                seen.add(result.toString());
                ReconciliationReport report = pcOrders.reconcileOrders().reconcileOrders(ReconcileOrdersCommand.of(ledger));
                assertThat(report.isClean()).as("planted discrepancies are found").isFalse();
                seen.add(report.toString());
                // While the store is open, so the WAL is still there.
                filesChecked += assertNoMarkerInFiles(database);
            }
        }

        Map<String, String> tokenEnvironment = Map.of("PC_ORDERS_ACCESS_TOKEN", TOKEN_MARKER);
        Map<String, String> clientEnvironment = Map.of("PC_ORDERS_TENANT_ID", TENANT, "PC_ORDERS_CLIENT_ID", CLIENT_ID,
                "PC_ORDERS_CLIENT_SECRET", SECRET_MARKER);
        for (Map<String, String> environment : List.of(tokenEnvironment, clientEnvironment)) {
            List<String> sync = new ArrayList<>(List.of("--db", database.toString(), "--verbose", "sync", "--include-price",
                    "--base-url", sandbox.baseUrl().toString(), "--authority", sandbox.baseUrl().toString()));
            customers.forEach(customer -> sync.addAll(List.of("--customer", customer.toString())));
            assertThat(cli(environment, sync.toArray(String[]::new))).isZero();
            assertThat(cli(environment, "--db", database.toString(), "--verbose", "reconcile", "--ledger", ledger.toString()))
                    .isEqualTo(1);
            assertThat(cli(environment, "--db", database.toString(), "--verbose", "orders", "list", "--format", "json"))
                    .isZero();
        }
        filesChecked += assertNoMarkerInFiles(database);
        assertNoMarkerSeen();
        ReliabilityFigures.record("secrets.files-scanned", filesChecked);
        ReliabilityFigures.record("secrets.log-bytes-scanned", logs.size());
    }

    @Test
    void failuresCarryNoMarkerInTheirMessagesOrTraces() throws Exception {
        partnerCenter.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .withBody("{\"code\":900420,\"description\":\"The token was rejected\"}")));
        String customer = sandbox.customerIds().get(0);
        Path database = folder.resolve("failures.db");
        try (PcOrders pcOrders = pcOrdersOn(partnerCenter, new StaticAccessTokenProvider(TOKEN_MARKER), database)) {
            CustomerSyncResult failed = pcOrders.syncOrders().syncOrders(SyncOrdersCommand.of(CustomerId.parse(customer)))
                    .customers().get(0);
            assertThat(failed).isInstanceOf(CustomerSyncResult.Failed.class);
            seen.add(failed.toString());
            try (Stream<?> orders = pcOrders.getOrders().getOrders(ScopedQuery.of(OrderScope.allOrdersOf(CustomerId.parse(customer))))) {
                orders.count();
            } catch (PartnerCenterException expected) {
                seen.add(trace(expected));
            }
            assertNoMarkerInFiles(database);
        }
        // The same through the command line, with --verbose printing the stack trace.
        assertThat(cli(Map.of("PC_ORDERS_ACCESS_TOKEN", TOKEN_MARKER), "--db", database.toString(), "--verbose", "sync",
                "--base-url", "http://127.0.0.1:" + partnerCenter.port(), "--customer", customer)).isEqualTo(3);
        // A token endpoint that refuses the secret.
        assertThat(cli(Map.of("PC_ORDERS_TENANT_ID", TENANT, "PC_ORDERS_CLIENT_ID", CLIENT_ID, "PC_ORDERS_CLIENT_SECRET",
                SECRET_MARKER), "--db", database.toString(), "--verbose", "sync", "--base-url", sandbox.baseUrl().toString(),
                "--authority", "http://127.0.0.1:" + partnerCenter.port(), "--customer", customer)).isEqualTo(3);
        assertNoMarkerInFiles(database);
        assertNoMarkerSeen();
    }

    @Test
    void theAuthorizationHeaderNeverReachesASecondHost() throws Exception {
        String customer = sandbox.customerIds().get(0);
        String foreignOrders = "http://127.0.0.1:" + otherHost.port() + "/v1/customers/" + customer + "/orders";
        otherHost.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"totalCount\":0,\"items\":[]}")));
        int tried = 0;
        for (int status : List.of(301, 302, 303, 307, 308)) {
            partnerCenter.resetAll();
            partnerCenter.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Location", foreignOrders)));
            assertForeignHostUntouched(customer, "redirect " + status);
            tried++;
        }
        for (String next : List.of(foreignOrders, "//127.0.0.1:" + otherHost.port() + "/v1/customers/" + customer + "/orders",
                "http://localhost:" + otherHost.port() + "/v1/customers/" + customer + "/orders",
                "http://127.0.0.1:" + otherHost.port() + "@127.0.0.1:" + partnerCenter.port() + "/v1/customers/" + customer + "/orders")) {
            partnerCenter.resetAll();
            partnerCenter.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody("{\"totalCount\":0,\"items\":[],\"links\":{\"next\":{\"uri\":\"" + next
                            + "\",\"method\":\"GET\",\"headers\":[]}}}")));
            assertForeignHostUntouched(customer, "links.next " + next);
            tried++;
        }
        assertNoMarkerSeen();
        ReliabilityFigures.record("secrets.foreign-host-attempts", tried);
    }

    private void assertForeignHostUntouched(String customer, String what) {
        Path database = folder.resolve("foreign.db");
        try (PcOrders pcOrders = pcOrdersOn(partnerCenter, new StaticAccessTokenProvider(TOKEN_MARKER), database)) {
            CustomerSyncResult result = pcOrders.syncOrders().syncOrders(SyncOrdersCommand.of(CustomerId.parse(customer)))
                    .customers().get(0);
            assertThat(result).as(what).isInstanceOf(CustomerSyncResult.Failed.class);
            seen.add(result.toString());
        }
        assertThat(partnerCenter.findAll(anyRequestedFor(anyUrl()))).as(what).isNotEmpty()
                .allMatch(request -> request.getHeader("Authorization").equals("Bearer " + TOKEN_MARKER));
        assertThat(otherHost.findAll(anyRequestedFor(anyUrl()))).as(what + ": requests at the other host").isEmpty();
    }

    private static PcOrders pcOrdersOn(WireMockServer server, AccessTokenProvider tokens, Path database) {
        return PcOrders.builder()
                .partnerCenter(PartnerCenterClientSettings.defaults().withBaseUrl(URI.create("http://127.0.0.1:" + server.port()))
                        .withRetryPolicy(RetryPolicy.NONE).withReadTimeout(Duration.ofSeconds(5)))
                .accessTokenProvider(tokens).database(database).build();
    }

    private int cli(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PcOrdersCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
        seen.add(out.toString());
        seen.add(err.toString());
        return exit;
    }

    private static String trace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return failure.getMessage() + "\n" + failure + "\n" + trace;
    }

    private void assertNoMarkerSeen() {
        String logged = logs.toString(StandardCharsets.UTF_8);
        assertThat(logged).as("DEBUG logging captured").contains("DEBUG");
        for (String marker : List.of(TOKEN_MARKER, SECRET_MARKER)) {
            assertThat(logged).as("logs").doesNotContain(marker);
            assertThat(seen).as("output, results and exception messages").noneMatch(text -> text.contains(marker));
        }
    }

    /** Every file of the database (main file, -wal, -shm, journals), byte for byte; returns how many were read. */
    private static long assertNoMarkerInFiles(Path database) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(database.getParent())) {
            files = listed.filter(file -> file.getFileName().toString().startsWith(database.getFileName().toString()))
                    .collect(Collectors.toList());
        }
        assertThat(files).contains(database);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (String marker : List.of(TOKEN_MARKER, SECRET_MARKER)) {
                assertThat(indexOf(bytes, marker.getBytes(StandardCharsets.UTF_8))).as("%s in %s", marker, file).isNegative();
                assertThat(indexOf(bytes, marker.getBytes(StandardCharsets.UTF_16LE))).as("%s in %s", marker, file).isNegative();
            }
        }
        return files.size();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
