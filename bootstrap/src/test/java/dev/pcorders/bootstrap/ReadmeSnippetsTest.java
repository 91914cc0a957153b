package dev.pcorders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.http.auth.ClientCredentialsTokenProvider;
import dev.pcorders.adapter.http.auth.EntraTokenEndpoint;
import dev.pcorders.application.order.port.in.CachedOrders;
import dev.pcorders.application.order.port.in.CachedOrdersQuery;
import dev.pcorders.application.order.port.in.CustomerSyncResult;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.in.SyncOrdersUseCase;
import dev.pcorders.application.order.port.in.SyncResult;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's embedding snippets, run as written against the sandbox. Each snippet, up to its closing
 * brace, must appear line for line in this file, so the page and the code that proves it cannot drift apart.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path THIS_FILE = Path.of("src", "test", "java", "dev", "pcorders", "bootstrap",
            "ReadmeSnippetsTest.java");

    private static SandboxServer sandbox;

    // The snippets' free variables.
    private static URI baseUrl;
    private static EntraTokenEndpoint tokenEndpoint;
    private static final String tenantId = "contoso.onmicrosoft.com";
    private static final String clientId = "readme-app";
    private static final String clientSecret = "readme-secret";
    private static final String accessToken = "readme-token";
    private static String customerId;

    @TempDir
    static Path folder;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        baseUrl = sandbox.baseUrl();
        tokenEndpoint = EntraTokenEndpoint.forTenant(tenantId).withAuthority(sandbox.baseUrl());
        customerId = sandbox.customerIds().get(0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void everyJavaSnippetOfTheReadmeIsInThisTest() throws IOException {
        String readme = Files.readString(README);
        List<String> testLines = Files.readAllLines(THIS_FILE).stream().map(String::strip).collect(Collectors.toList());
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<String> snippets = new ArrayList<>();
        while (block.find()) {
            snippets.add(block.group(1));
        }
        assertThat(snippets).hasSize(2);
        for (String snippet : snippets) {
            List<String> lines = snippet.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.toList());
            // Up to the closing brace: the test adds its assertions inside the try block.
            assertThat(lines.get(lines.size() - 1)).isEqualTo("}");
            lines = lines.subList(0, lines.size() - 1);
            assertThat(java.util.Collections.indexOfSubList(testLines, lines))
                    .as("README snippet not found as written in %s:%n%s", THIS_FILE, snippet).isNotNegative();
        }
    }

    @Test
    void plainJavaBuilder() {
        Path database = folder.resolve("plain.db");
        SyncResult syncResult;
        CachedOrders cached;
        try (PcOrders pcOrders = PcOrders.builder()
                .baseUrl(baseUrl)   // default: https://api.partnercenter.microsoft.com
                .accessTokenProvider(new ClientCredentialsTokenProvider(
                        tokenEndpoint, clientId, clientSecret))   // EntraTokenEndpoint.forTenant(tenantId)
                .database(database)   // Path.of("orders.db")
                .build()) {
            SyncResult result = pcOrders.syncOrders().syncOrders(
                    SyncOrdersCommand.of(CustomerId.parse(customerId)).withPrices());
            CachedOrders firstPage = pcOrders.findCachedOrders().findCachedOrders(
                    CachedOrdersQuery.firstPageOf(OrderCriteria.ALL.withCustomer(CustomerId.parse(customerId))));
            syncResult = result;
            cached = firstPage;
            assertThat(pcOrders.database()).hasValue(database);
        }
        assertThat(syncResult.customers()).singleElement().satisfies(one -> assertThat(one.succeeded()).isTrue());
        long stored = ((CustomerSyncResult.Succeeded) syncResult.customers().get(0)).orders();
        assertThat(cached.orders()).hasSize((int) stored).isNotEmpty();
        assertThat(cached.orders().get(0).order().lineItems().get(0).pricing()).isPresent();
    }

    @Test
    void micronautApplicationContext() {
        Path database = folder.resolve("micronaut.db");
        SyncResult syncResult;
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "partner-center.base-url", baseUrl.toString(),
                "partner-center.auth.access-token", accessToken,
                "pc-orders.cache.path", database.toString()))) {
            SyncOrdersUseCase sync = context.getBean(SyncOrdersUseCase.class);
            SyncResult result = sync.syncOrders(SyncOrdersCommand.of(CustomerId.parse(customerId)));
            syncResult = result;
        }
        assertThat(syncResult.customers()).singleElement().satisfies(one -> assertThat(one.succeeded()).isTrue());
        assertThat(database).exists();
    }
}
