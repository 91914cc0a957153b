package dev.pcorders.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pcorders.sandbox.OrdersQuery;
import dev.pcorders.sandbox.ReconciliationExport;
import dev.pcorders.sandbox.ReconciliationPlan;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command line against a running sandbox, through the same entry point as {@code java -jar pc-orders.jar}. */
@Timeout(300)
class CliEndToEndTest {

    private static final String TOKEN = "cli-test-token-7f3a91";
    private static final Map<String, String> WITH_TOKEN = Map.of("PC_ORDERS_ACCESS_TOKEN", TOKEN);
    // Trailing tokens fail the parse, so output holding more than one JSON document is caught.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static SandboxServer sandbox;
    private static List<String> customers;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(SandboxSettings.defaults().withPageSize(7));
        customers = sandbox.customerIds();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private String db() {
        return folder.resolve("cache.db").toString();
    }

    private Cli.Run syncAll(String... extra) {
        List<String> args = new ArrayList<>(List.of("--db", db(), "sync", "--quiet", "--base-url", sandbox.baseUrl().toString()));
        customers.forEach(id -> args.addAll(List.of("--customer", id)));
        args.addAll(List.of(extra));
        return Cli.run(WITH_TOKEN, args.toArray(String[]::new));
    }

    @Test
    void syncWithEveryFlagStoresEachCustomerAndPrintsTheCorrelationId() {
        String correlation = "0f8fad5b-d9cb-469f-a165-70867728950e";
        // Enough orders that one reseller's monthly orders are certain to exist for this seed.
        try (SandboxServer large = Sandbox.start(SandboxSettings.defaults().withCustomers(1).withOrdersPerCustomer(300))) {
            String customer = large.customerIds().get(0);
            String reseller = large.customers().get(0).indirectResellerTenantIds().get(0);
            String resellerMpnId = large.customers().get(0).indirectResellerIds().get(0);
            Cli.Run run = Cli.run(WITH_TOKEN, "--db", db(), "sync", "--quiet", "--customer", customer,
                    "--base-url", large.baseUrl().toString(), "--reseller", reseller, "--billing-type", "monthly",
                    "--include-price", "--include-system-purchases", "--api-version", "1", "--correlation-id", correlation);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("MS-CorrelationId " + correlation).containsPattern(customer + "\\s+stored");
            assertThat(run.err()).isEmpty();
            assertThat(run.out() + run.err()).doesNotContain(TOKEN);

            JsonNode orders = json(Cli.run(Map.of(), "--db", db(), "orders", "list", "--format", "json"));
            assertThat(orders).isNotEmpty();
            for (JsonNode order : orders) {
                assertThat(order.get("billingCycle").asText()).isEqualToIgnoringCase("monthly");
                assertThat(order.get("lineItems").findValuesAsText("partnerIdOnRecord")).contains(resellerMpnId);
                assertThat(order.get("totalPrice").isNumber()).isTrue();
            }
            assertThat(json(Cli.run(Map.of(), "--db", db(), "orders", "list", "--reseller", resellerMpnId, "--format", "json")))
                    .hasSameSizeAs(orders);
        }
    }

    @Test
    void ordersListInTableJsonAndCsvAgreeAndShowPrintsOneOrder() throws IOException {
        assertThat(syncAll("--include-price").exitCode()).isZero();

        JsonNode orders = json(Cli.run(Map.of(), "--db", db(), "orders", "list", "--format", "json"));
        int served = 0;
        for (String customer : customers) {
            served += servedOrders(sandbox, customer);
        }
        assertThat(orders.size()).isEqualTo(served);
        JsonNode first = orders.get(0);
        assertThat(first.has("id")).isTrue();
        assertThat(first.get("totalPrice").isNumber()).isTrue();
        assertThat(first.get("lineItems").get(0).get("pricing").get("listPrice").isNumber()).isTrue();

        Cli.Run table = Cli.run(Map.of(), "--db", db(), "orders", "list");
        assertThat(table.exitCode()).isZero();
        Map<String, java.math.BigDecimal> totals = new java.util.TreeMap<>();
        for (JsonNode order : orders) {
            assertThat(table.out()).contains(order.get("id").asText());
            // Read as BigDecimal (USE_BIG_DECIMAL_FOR_FLOATS): the total must add up to the last decimal.
            totals.merge(order.get("currencyCode").asText(), order.get("totalPrice").decimalValue(), java.math.BigDecimal::add);
        }
        assertThat(totals).isNotEmpty();
        totals.forEach((currency, total) ->
                assertThat(table.out()).contains("Total " + total.toPlainString() + " " + currency));

        Cli.Run csv = Cli.run(Map.of(), "--db", db(), "orders", "list", "--format", "csv");
        List<String> lines = csv.out().lines().collect(Collectors.toList());
        assertThat(lines.get(0)).startsWith("customerId,orderId,alternateId,creationDate,status");
        long lineItems = 0;
        for (JsonNode order : orders) {
            lineItems += Math.max(1, order.get("lineItems").size());
        }
        assertThat(lines).hasSize((int) lineItems + 1);

        String id = first.get("id").asText();
        Cli.Run show = Cli.run(Map.of(), "--db", db(), "orders", "show", id, "--format", "json");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        JsonNode shown = JSON.readTree(show.out());
        assertThat(shown).isEqualTo(first);
        Cli.Run showTable = Cli.run(Map.of(), "--db", db(), "orders", "show", id);
        assertThat(showTable.out()).contains(id).contains(first.get("lineItems").get(0).get("offerId").asText());
    }

    /** How many orders the sandbox serves the customer when asked as sync asks by default (no system purchases). */
    private static int servedOrders(SandboxServer server, String customer) throws IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        server.data().writeOrders(customer, OrdersQuery.plain(), body);
        return JSON.readTree(body.toByteArray()).get("items").size();
    }

    @Test
    void aSecondSyncWithChangedDataIsListedByChanges() throws IOException {
        Path database = folder.resolve("changes.db");
        SandboxSettings first = SandboxSettings.defaults().withCustomers(1).withOrdersPerCustomer(10);
        String customer;
        int before;
        int after;
        try (SandboxServer server = Sandbox.start(first)) {
            customer = server.customerIds().get(0);
            before = servedOrders(server, customer);
            assertThat(syncOne(server, database, customer).exitCode()).isZero();
        }
        try (SandboxServer server = Sandbox.start(first.withOrdersPerCustomer(14))) {
            assertThat(server.customerIds()).containsExactly(customer);
            after = servedOrders(server, customer);
            Cli.Run second = syncOne(server, database, customer);
            assertThat(second.exitCode()).as(second.toString()).isZero();
        }
        assertThat(after).isGreaterThan(before);

        Cli.Run changes = Cli.run(Map.of(), "--db", database.toString(), "changes", "--customer", customer, "--format", "json");
        JsonNode list = json(changes);
        List<JsonNode> secondRun = stream(list).filter(change -> change.get("syncRun").asLong() == 2).collect(Collectors.toList());
        // The larger data set spreads creation dates differently, so the orders kept show up as changed details.
        assertThat(secondRun).as(list.toPrettyString()).hasSize(after)
                .filteredOn(change -> change.get("kind").asText().equals("ADDED")).hasSize(after - before);
        assertThat(secondRun).extracting(change -> change.get("kind").asText())
                .containsOnly("ADDED", "DETAILS_CHANGED");
        assertThat(stream(list).filter(change -> change.get("syncRun").asLong() == 1)).hasSize(before);
        assertThat(Cli.run(Map.of(), "--db", database.toString(), "changes").out()).contains(customer).contains("ADDED");
        assertThat(Cli.run(Map.of(), "--db", database.toString(), "changes", "--format", "csv").out().lines().count())
                .isEqualTo(list.size() + 1L);
    }

    private static Cli.Run syncOne(SandboxServer server, Path database, String customer) {
        return Cli.run(WITH_TOKEN, "--db", database.toString(), "sync", "-q", "--base-url", server.baseUrl().toString(),
                "--customer", customer);
    }

    @Test
    void aCustomerAnswering403ExitsWith3AndTheOthersAreStored() {
        String forbidden = customers.get(1);
        WireMockServer proxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        proxy.start();
        try {
            proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(sandbox.baseUrl().toString())));
            proxy.stubFor(get(urlPathEqualTo("/v1/customers/" + forbidden + "/orders")).atPriority(1)
                    .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                            .withHeader("MS-RequestId", "5b0b3b3e-3c8a-4c52-9d5d-2b1f3d1e0a11")
                            .withBody("{\"code\":20002,\"description\":\"No commerce relationship with this customer.\","
                                    + "\"data\":[],\"source\":\"PartnerFD\"}")));
            List<String> args = new ArrayList<>(List.of("--db", db(), "sync", "-q", "--base-url", "http://127.0.0.1:" + proxy.port()));
            customers.forEach(id -> args.addAll(List.of("--customer", id)));

            Cli.Run run = Cli.run(WITH_TOKEN, args.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
            assertThat(run.out()).containsPattern(forbidden + "\\s+FAILED");
            assertThat(run.out()).contains("20002").contains("No commerce relationship")
                    .contains("5b0b3b3e-3c8a-4c52-9d5d-2b1f3d1e0a11");
            assertThat(run.out() + run.err()).doesNotContain(TOKEN);
        } finally {
            proxy.stop();
        }
        for (String customer : List.of(customers.get(0), customers.get(2))) {
            assertThat(json(Cli.run(Map.of(), "--db", db(), "orders", "list", "--customer", customer, "--format", "json")))
                    .isNotEmpty();
        }
        assertThat(json(Cli.run(Map.of(), "--db", db(), "orders", "list", "--customer", forbidden, "--format", "json")))
                .isEmpty();
    }

    @Test
    void aBadCustomerIdExitsWith2BeforeAnyRequest() {
        long before = sandbox.statistics().ordersRequests();
        Cli.Run run = Cli.run(WITH_TOKEN, "--db", db(), "sync", "--base-url", sandbox.baseUrl().toString(),
                "--customer", customers.get(0), "--customer", "../x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("pc-orders: ").contains("../x").doesNotContain("\tat ");
        assertThat(sandbox.statistics().ordersRequests()).isEqualTo(before);
        assertThat(folder.resolve("cache.db")).doesNotExist();
    }

    @Test
    void missingCredentialsExitWith2NamingTheVariablesAndCreateNoDatabase() {
        Cli.Run run = Cli.run(Map.of(), "--db", db(), "sync", "--base-url", sandbox.baseUrl().toString(),
                "--customer", customers.get(0));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("PC_ORDERS_ACCESS_TOKEN").contains("PC_ORDERS_CLIENT_SECRET")
                .contains("PC_ORDERS_REFRESH_TOKEN");
        assertThat(folder.resolve("cache.db")).doesNotExist();

        Cli.Run incomplete = Cli.run(Map.of("PC_ORDERS_TENANT_ID", "contoso.onmicrosoft.com", "PC_ORDERS_CLIENT_ID", "app"),
                "--db", db(), "sync", "--customer", customers.get(0));
        assertThat(incomplete.exitCode()).isEqualTo(2);
        assertThat(incomplete.err()).contains("PC_ORDERS_CLIENT_SECRET");
    }

    @Test
    void helpVersionAndBadFlagsOpenNoDatabase() {
        Path defaultDatabase = Path.of(PcOrdersCommand.DEFAULT_DATABASE);
        boolean existedBefore = Files.exists(defaultDatabase);
        Cli.Run help = Cli.run(Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("sync", "orders", "changes", "reconcile", "sandbox", "demo", "Exit codes");
        assertThat(Cli.run(Map.of(), "--version").out()).contains("pc-orders");
        assertThat(Cli.run(Map.of(), "--db", db(), "sync", "--help").exitCode()).isZero();
        assertThat(Cli.run(Map.of(), "--db", db(), "orders", "list", "--format", "xml").exitCode()).isEqualTo(2);
        assertThat(Cli.run(Map.of(), "--db", db(), "orders", "list", "--customer", "nope").exitCode()).isEqualTo(2);
        assertThat(Cli.run(Map.of(), "--db", db(), "no-such-command").exitCode()).isEqualTo(2);
        assertThat(folder.resolve("cache.db")).doesNotExist();
        assertThat(Files.exists(defaultDatabase)).isEqualTo(existedBefore);
    }

    @Test
    void aDatabaseThatIsNotSqliteExitsWith4() throws IOException {
        Path notADatabase = Files.writeString(folder.resolve("notes.db"), "these are my notes, not a database\n".repeat(200));
        Cli.Run run = Cli.run(Map.of(), "--db", notADatabase.toString(), "orders", "list");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).startsWith("pc-orders: local cache").doesNotContain("\tat ");
        assertThat(Files.readString(notADatabase)).startsWith("these are my notes");
    }

    @Test
    void sandboxPrintsItsBaseUrlAndCustomersAndRunsUntilInterrupted() throws Exception {
        List<Cli.Run> result = new ArrayList<>();
        Path database = folder.resolve("never.db");
        java.io.PipedReader reader = new java.io.PipedReader();
        java.io.PrintWriter out = new java.io.PrintWriter(new java.io.PipedWriter(reader), true);
        java.io.StringWriter err = new java.io.StringWriter();
        Thread command = new Thread(() -> result.add(new Cli.Run(PcOrdersCli.run(
                new String[] {"--db", database.toString(), "sandbox", "--customers", "2", "--orders", "4", "--seed", "9"},
                out, new java.io.PrintWriter(err), Map.of()), "", err.toString())));
        command.start();
        java.io.BufferedReader lines = new java.io.BufferedReader(reader);
        String baseUrl = lines.readLine();
        List<String> ids = List.of(lines.readLine(), lines.readLine());
        assertThat(baseUrl).startsWith("http://127.0.0.1:");
        assertThat(ids).allMatch(id -> id.matches("[0-9a-f-]{36}"));
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/v1/customers/" + ids.get(0)
                                + "/orders?include_system_purchases=true"))
                        .header("Authorization", "Bearer any").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"totalCount\":4");
        command.interrupt();
        command.join(30_000);
        assertThat(command.isAlive()).isFalse();
        assertThat(result).singleElement().satisfies(run -> assertThat(run.exitCode()).isZero());
        assertThat(database).doesNotExist();
    }

    @Test
    void reconcileFindsExactlyThePlantedDiscrepanciesAndExitsWith1() throws IOException {
        assertThat(syncAll("--include-price", "--include-system-purchases").exitCode()).isZero();
        Path ledger = folder.resolve("invoice.csv");
        ReconciliationExport export = sandbox.data().writeReconciliationCsv(ledger, ReconciliationPlan.of(2, true));
        assertThat(export.planted()).isNotEmpty();

        Cli.Run run = Cli.run(Map.of(), "--db", db(), "reconcile", "--ledger", ledger.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(run.out());
        Map<String, Long> found = stream(report.get("discrepancies"))
                .collect(Collectors.groupingBy(d -> d.get("kind").asText(), Collectors.counting()));
        Map<String, Long> planted = export.planted().stream()
                .collect(Collectors.groupingBy(p -> p.kind().name(), Collectors.counting()));
        assertThat(found).isEqualTo(planted);
        assertThat(report.get("summary")).isNotNull();
        JsonNode first = report.get("discrepancies").get(0);
        assertThat(first.fieldNames()).toIterable().contains("kind", "customerId", "orderId", "offerId", "ledgerLines",
                "ledgerRows", "message");

        Cli.Run table = Cli.run(Map.of(), "--db", db(), "reconcile", "--ledger", ledger.toString());
        assertThat(table.exitCode()).isEqualTo(1);
        planted.keySet().forEach(kind -> assertThat(table.out()).contains(kind));
        Cli.Run csv = Cli.run(Map.of(), "--db", db(), "reconcile", "--ledger", ledger.toString(), "--format", "csv");
        // The discrepancies, then after an empty line the totals (one row per currency, under their own header).
        List<String> csvLines = csv.out().lines().toList();
        assertThat(csvLines.indexOf("")).isEqualTo(export.planted().size() + 1);
        assertThat(csvLines.subList(csvLines.indexOf("") + 1, csvLines.size()))
                .hasSize(JSON.readTree(run.out()).get("summary").get("totals").size() + 1);
    }

    @Test
    void aKeyBilledInManyRowsShowsItsFirstLedgerLinesAndHowManyMore() throws IOException {
        // A cache holding another customer only: the ledger's customer has no orders, so its one key is all there is.
        assertThat(Cli.run(WITH_TOKEN, "--db", db(), "sync", "--quiet", "--base-url", sandbox.baseUrl().toString(),
                "--customer", customers.get(1)).exitCode()).isZero();
        Path ledger = folder.resolve("partner-ledger.csv");
        List<String> lines = new ArrayList<>(List.of("customer_id,order_id,offer_id,quantity"));
        for (int i = 0; i < 12; i++) {
            lines.add(customers.get(0) + ",never-ordered,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1");
        }
        Files.write(ledger, lines);

        Cli.Run json = Cli.run(Map.of(), "--db", db(), "reconcile", "--ledger", ledger.toString(), "--format", "json");
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
        JsonNode discrepancy = JSON.readTree(json.out()).get("discrepancies").get(0);
        assertThat(discrepancy.get("expected").asText()).isEqualTo("12");
        assertThat(stream(discrepancy.get("ledgerLines")).map(JsonNode::asLong))
                .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(discrepancy.get("ledgerRows").asLong()).isEqualTo(12);

        Cli.Run table = Cli.run(Map.of(), "--db", db(), "reconcile", "--ledger", ledger.toString());
        assertThat(table.out()).contains("2 3 4 5 6 7 8 9 10 11 (+2 more)");
        Cli.Run csv = Cli.run(Map.of(), "--db", db(), "reconcile", "--ledger", ledger.toString(), "--format", "csv");
        List<String> csvLines = csv.out().lines().toList();
        assertThat(csvLines.get(0)).contains(",ledgerLines,ledgerRows,expected,");
        assertThat(csvLines.get(1)).contains(",2 3 4 5 6 7 8 9 10 11,12,12,");
    }

    @Test
    void aCleanLedgerExitsWith0AndAMissingLedgerWith2() throws IOException {
        assertThat(syncAll("--include-price", "--include-system-purchases").exitCode()).isZero();
        Path ledger = folder.resolve("clean.csv");
        sandbox.data().writeReconciliationCsv(ledger, ReconciliationPlan.of(0, true));
        Cli.Run clean = Cli.run(Map.of(), "--db", db(), "reconcile", "--ledger", ledger.toString());
        assertThat(clean.exitCode()).as(clean.toString()).isZero();

        Cli.Run missing = Cli.run(Map.of(), "--db", db(), "reconcile", "--ledger", folder.resolve("nope.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("pc-orders: ledger").contains("nope.csv").doesNotContain("\tat ");
    }

    @Test
    void reconcileWithACreationWindowCountsTheRowsOfOrdersOutsideItInsteadOfReportingThemMissing() throws IOException {
        assertThat(syncAll("--include-price", "--include-system-purchases").exitCode()).isZero();
        Path ledger = folder.resolve("clean.csv");
        sandbox.data().writeReconciliationCsv(ledger, ReconciliationPlan.of(0, true));

        JsonNode all = json(Cli.run(Map.of(), "--db", db(), "reconcile", "--ledger", ledger.toString(), "--format", "json"));
        Cli.Run future = Cli.run(Map.of(), "--db", db(), "reconcile", "--ledger", ledger.toString(), "--from", "2999-01-01",
                "--format", "json");

        assertThat(future.exitCode()).as(future.toString()).isZero();
        JsonNode summary = JSON.readTree(future.out()).get("summary");
        assertThat(summary.get("matched").asLong()).isZero();
        assertThat(summary.get("discrepancies").asLong()).isZero();
        assertThat(summary.get("rowsOutsideWindow").asLong()).isPositive();
        assertThat(all.get("summary").get("rowsOutsideWindow").asLong()).isZero();
        assertThat(all.get("summary").get("matched").asLong()).isPositive();
    }

    @Test
    void readingACacheThatDoesNotExistExitsWith4AndCreatesNoFile() throws IOException {
        Path ledger = folder.resolve("ledger.csv");
        sandbox.data().writeReconciliationCsv(ledger, ReconciliationPlan.of(0, true));
        Path mistyped = folder.resolve("cahce.db");
        for (List<String> command : List.of(List.of("orders", "list"), List.of("orders", "show", "o-1"), List.of("changes"),
                List.of("reconcile", "--ledger", ledger.toString()))) {
            List<String> args = new ArrayList<>(List.of("--db", mistyped.toString()));
            args.addAll(command);

            Cli.Run run = Cli.run(Map.of(), args.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
            assertThat(run.err().lines().toList()).as(run.toString()).singleElement()
                    .satisfies(line -> assertThat(line).contains("cahce.db").contains("no such file"));
            assertThat(run.out()).as(run.toString()).isEmpty();
            assertThat(mistyped).as(String.join(" ", command)).doesNotExist();
        }
    }

    @Test
    void aBadFlagOrValueIsOneLineNamingItAndWhereTheHelpIs() {
        Cli.Run unknown = Cli.run(Map.of(), "--db", db(), "orders", "list", "--bogus");
        Cli.Run badDate = Cli.run(Map.of(), "--db", db(), "orders", "list", "--from", "yesterday");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().lines().toList()).as(unknown.toString()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("pc-orders: ").contains("--bogus")
                        .contains("pc-orders orders list --help"));
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err().lines().toList()).as(badDate.toString()).singleElement()
                .satisfies(line -> assertThat(line).contains("--from").contains("YYYY-MM-DD").contains("'yesterday'")
                        .doesNotContain("java."));
        assertThat(Cli.run(Map.of(), "--verbose", "--db", db(), "orders", "list", "--bogus").err())
                .as("the usage with --verbose").contains("--billing-cycle");
    }

    @Test
    void aSandboxPortAlreadyInUseIsAUsageErrorInOneLine() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Cli.Run run = Cli.run(Map.of(), "sandbox", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err().lines().toList()).as(run.toString()).singleElement()
                    .satisfies(line -> assertThat(line).contains("port " + taken.getLocalPort()).contains("--port"));
        }
    }

    @Test
    void demoNeverWritesIntoTheCacheNamedByPcOrdersDb() throws IOException {
        Path realCache = folder.resolve("real.db");
        Path demoDatabase = Path.of(DemoCommand.DEFAULT_DATABASE);
        Path demoLedger = Path.of("pc-orders-demo-invoice-reconciliation.csv");
        Path demoPartnerLedger = Path.of("pc-orders-demo-partner-ledger.csv");
        Path demoReport = Path.of("pc-orders-demo-report.html");
        boolean demoFilesExisted = Files.exists(demoDatabase) || Files.exists(demoLedger) || Files.exists(demoPartnerLedger)
                || Files.exists(demoReport);
        try {
            Cli.Run run = Cli.run(Map.of("PC_ORDERS_DB", realCache.toString()), "demo");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(realCache).doesNotExist();
            assertThat(run.out()).contains(demoDatabase.toAbsolutePath().toString());
        } finally {
            if (!demoFilesExisted) {
                for (String suffix : List.of("", "-wal", "-shm")) {
                    Files.deleteIfExists(Path.of(DemoCommand.DEFAULT_DATABASE + suffix));
                }
                Files.deleteIfExists(demoLedger);
                Files.deleteIfExists(demoPartnerLedger);
                Files.deleteIfExists(demoReport);
            }
        }
    }

    @Test
    void demoSyncsReconcilesAndExits0() throws IOException {
        Path database = folder.resolve("demo.db");
        Cli.Run run = Cli.run(Map.of(), "--db", database.toString(), "demo");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("stored").contains("MISSING_IN_LEDGER").contains("PRICE_MISMATCH")
                .contains("Next, on the same database:");
        // Step 4, the partner ledger naming subscriptions, counts each planted subscription case once and lists it.
        String partnerStep = run.out().substring(run.out().indexOf("4. Reconcile against"));
        assertThat(partnerStep).contains("demo-partner-ledger.csv", "3 subscription cases");
        for (String kind : List.of("SUBSCRIPTION_NOT_BILLED", "BILLED_SUBSCRIPTION_NOT_ACTIVE", "SEAT_COUNT_MISMATCH")) {
            assertThat(partnerStep).as(kind).containsPattern("(?m)^  " + kind + " +1$");
            assertThat(partnerStep.lines().filter(line -> line.matches(kind + " +[0-9a-f-]{36} .*"))).as(kind).hasSize(1);
        }
        assertThat(run.out()).contains("subscriptions list").contains("reconcile --ledger "
                + folder.resolve("demo-partner-ledger.csv"));
        assertThat(database).exists();
        assertThat(folder.resolve("demo-invoice-reconciliation.csv")).exists();
        assertThat(folder.resolve("demo-partner-ledger.csv")).exists();
        // Step 5: the partner ledger's report as a page beside the database, its path printed.
        Path page = folder.resolve("demo-report.html");
        assertThat(run.out()).contains("5. The same report as a page").contains(page.toAbsolutePath().toString());
        Document report = Jsoup.parse(Files.readString(page));
        for (String kind : List.of("SUBSCRIPTION_NOT_BILLED", "BILLED_SUBSCRIPTION_NOT_ACTIVE", "SEAT_COUNT_MISMATCH")) {
            assertThat(report.select("#discrepancies tr[data-kind=" + kind + "]")).as(kind).hasSize(1);
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString())).as("no temporary file left").noneMatch(
                    name -> name.endsWith(".tmp"));
        }
        // The suggested HTML report can be run again: it replaces its own page rather than exiting 2.
        String suggested = run.out().lines().filter(line -> line.contains("--format html --output report.html"))
                .findFirst().orElseThrow();
        assertThat(suggested).endsWith("--output report.html --force");
        List<String> args = new ArrayList<>(List.of(suggested.substring(suggested.indexOf("pc-orders.jar ")
                + "pc-orders.jar ".length()).split(" ")));
        args.set(args.indexOf("report.html"), folder.resolve("suggested-report.html").toString());
        for (int time = 1; time <= 2; time++) {
            Cli.Run again = Cli.run(Map.of(), args.toArray(String[]::new));
            assertThat(again.exitCode()).as("run %d of the suggestion: %s", time, again).isEqualTo(ExitCodes.DISCREPANCIES);
        }
        JsonNode subscriptions = json(Cli.run(Map.of(), "--db", database.toString(), "subscriptions", "list",
                "--format", "json"));
        assertThat(subscriptions).isNotEmpty();
        JsonNode orders = json(Cli.run(Map.of(), "--db", database.toString(), "orders", "list", "--format", "json"));
        assertThat(orders).isNotEmpty();
        // The customers were listed from the sandbox, two pages of its three, not handed to the sync.
        assertThat(run.out()).contains("Customer list: 3 customer(s) in 2 page(s), 3 added").contains("customers list");
        JsonNode customers = json(Cli.run(Map.of(), "--db", database.toString(), "customers", "list", "--format", "json"));
        assertThat(customers).hasSize(3);
    }

    private static JsonNode json(Cli.Run run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        try {
            return JSON.readTree(run.out());
        } catch (IOException notJson) {
            throw new AssertionError("not JSON: " + run, notJson);
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
