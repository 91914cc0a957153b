package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.http.auth.ClientCredentialsTokenProvider;
import dev.pcorders.adapter.http.auth.EntraTokenEndpoint;
import dev.pcorders.application.order.port.in.CachedOrders;
import dev.pcorders.application.order.port.in.CachedOrdersQuery;
import dev.pcorders.application.order.port.in.CustomerSyncResult;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.in.SyncOrdersUseCase;
import dev.pcorders.application.order.port.in.SyncResult;
import dev.pcorders.bootstrap.PcOrders;
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
    private static final Path THIS_FILE = Path.of("src", "test", "java", "dev", "pcorders", "cli",
            "ReadmeSnippetsTest.java");

    private static SandboxServer sandbox;

    /** The free variables of the README's Java snippets, in the order they appear there. */
    private static final List<String> SNIPPET_VARIABLES = List.of(
            "java.net.URI baseUrl, dev.pcorders.adapter.http.auth.EntraTokenEndpoint tokenEndpoint, String clientId, "
                    + "String clientSecret, java.nio.file.Path database, String customerId",
            "String tenantId",
            "java.net.URI baseUrl, String accessToken, java.nio.file.Path database, String customerId");

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
        List<String> testLines = Files.readAllLines(THIS_FILE).stream().map(String::strip).collect(Collectors.toList());
        List<String> snippets = readmeSnippets();
        assertThat(snippets).hasSize(SNIPPET_VARIABLES.size());
        for (String snippet : snippets) {
            // The imports are proved by compiling the snippet (everySnippetCompilesWithItsOwnImports).
            List<String> lines = snippet.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("import "))
                    .collect(Collectors.toList());
            // Up to the closing brace: the test adds its assertions inside the try block.
            assertThat(lines.get(lines.size() - 1)).isEqualTo("}");
            lines = lines.subList(0, lines.size() - 1);
            assertThat(java.util.Collections.indexOfSubList(testLines, lines))
                    .as("README snippet not found as written in %s:%n%s", THIS_FILE, snippet).isNotNegative();
        }
    }

    /**
     * Each snippet with its own imports and nothing else, as a method whose parameters are the snippet's free variables:
     * a snippet that needs an import it does not show fails to compile.
     */
    @Test
    void everySnippetCompilesWithItsOwnImports() throws IOException {
        List<String> snippets = readmeSnippets();
        Path sources = Files.createDirectories(folder.resolve("snippets"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            StringBuilder unit = new StringBuilder();
            StringBuilder body = new StringBuilder();
            snippets.get(i).lines().forEach(line -> (line.startsWith("import ") ? unit : body).append(line).append('\n'));
            unit.append("class ReadmeSnippet").append(i).append(" {\n    static void run(").append(SNIPPET_VARIABLES.get(i))
                    .append(") throws Exception {\n").append(body).append("    }\n}\n");
            files.add(Files.writeString(sources.resolve("ReadmeSnippet" + i + ".java"), unit));
        }
        javax.tools.JavaCompiler compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
        java.io.StringWriter diagnostics = new java.io.StringWriter();
        try (javax.tools.StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, null)) {
            boolean compiled = compiler.getTask(diagnostics, fileManager, null,
                    List.of("-proc:none", "-classpath", System.getProperty("java.class.path"),
                            "-d", Files.createDirectories(folder.resolve("snippet-classes")).toString()),
                    null, fileManager.getJavaFileObjectsFromPaths(files)).call();
            assertThat(compiled).as("README snippets as shown:%n%s", diagnostics).isTrue();
        }
    }

    private static List<String> readmeSnippets() throws IOException {
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(README));
        List<String> snippets = new ArrayList<>();
        while (block.find()) {
            snippets.add(block.group(1));
        }
        return snippets;
    }

    @Test
    void plainJavaBuilder() {
        Path database = folder.resolve("plain.db");
        assertPlainJavaSnippetWorks(baseUrl, tokenEndpoint, customerId, database);
    }

    @Test
    void pointingTheTokenProviderAtTheSandbox() {
        Path database = folder.resolve("sandbox.db");
        try (SandboxServer sandbox = Sandbox.start()) {
            URI baseUrl = sandbox.baseUrl();
            EntraTokenEndpoint tokenEndpoint = EntraTokenEndpoint.forTenant(tenantId).withAuthority(sandbox.baseUrl());
            String customerId = sandbox.customerIds().get(0);
            // ... the plain Java snippet above, unchanged
            assertPlainJavaSnippetWorks(baseUrl, tokenEndpoint, customerId, database);
        }
    }

    private static void assertPlainJavaSnippetWorks(URI baseUrl, EntraTokenEndpoint tokenEndpoint, String customerId,
                                                    Path database) {
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
