package dev.pcorders.cli.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pcorders.adapter.http.auth.StaticAccessTokenProvider;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.application.order.port.in.CachedOrders;
import dev.pcorders.application.order.port.in.CachedOrdersQuery;
import dev.pcorders.application.order.port.in.CustomerSyncResult;
import dev.pcorders.application.order.port.in.ReconcileOrdersCommand;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.out.LedgerReadException;
import dev.pcorders.bootstrap.PcOrders;
import dev.pcorders.cli.PcOrdersCli;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.ResellerId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input meant to hurt: ids that try to leave the orders path, ledger files that are not what they
 * claim, and filter values full of SQL metacharacters. Each is refused with a clear error before it
 * reaches a server, or treated as plain data. (Mutated response payloads: {@link MutatedPayloadReliabilityTest}.)
 */
class HostileInputReliabilityTest {

    private static final String TOKEN = "hostile-test-token";
    private static final String CUSTOMER = "6a1f1b8e-3c52-4a6c-9d0e-1f2a3b4c5d6e";
    private static final List<String> HOSTILE_IDS = List.of("../x", "a/b", "%2e%2e", "%2F", "x".repeat(10_000),
            "\u00fc\u00f1\u00ee\u00e7\u00f8d\u00e9", "\uff13fa85f64-5717-4562-b3fc-2c963f66afa6", "", " ", "\u0000",
            CUSTOMER + "/../../v1/customers/" + CUSTOMER, CUSTOMER + "\n", CUSTOMER + "?x=1", CUSTOMER + "#", "..",
            "3fa85f64-5717-4562-b3fc-2c963f66afa6\r\nX-Injected: 1", "{{customer}}", "$(id)", "'; DROP TABLE sync_run;--");
    private static final List<String> METACHARACTERS = List.of("'", "\"", ";--", "%", "_", "\\", "' OR '1'='1", "a%",
            "%_\\", "\\%", "*", "[a]", "NULL");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireMockServer server;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static Cli run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PcOrdersCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
        return new Cli(exit, out.toString(), err.toString());
    }

    record Cli(int exit, String out, String err) {
    }

    @Test
    void hostileCustomerAndResellerIdsAreRefusedBeforeAnyRequest() throws IOException {
        Path database = folder.resolve("ids.db");
        int refused = 0;
        for (String id : HOSTILE_IDS) {
            String shown = id.length() > 40 ? id.substring(0, 40) + "..." : id;
            assertThatThrownBy(() -> CustomerId.parse(id)).as(shown).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ResellerId.parse(id)).as(shown).isInstanceOf(IllegalArgumentException.class);

            Cli sync = run(Map.of("PC_ORDERS_ACCESS_TOKEN", TOKEN), "--db", database.toString(), "sync", "-q",
                    "--base-url", base(), "--customer", id);
            assertThat(sync.exit()).as("sync --customer %s: %s", shown, sync.err()).isEqualTo(2);
            assertThat(sync.err()).as(shown).contains("customer id must be a GUID").doesNotContain(TOKEN);
            assertThat(sync.err().length()).as("the echo of the id is bounded").isLessThan(1000);

            Cli reseller = run(Map.of("PC_ORDERS_ACCESS_TOKEN", TOKEN), "--db", database.toString(), "sync", "-q",
                    "--base-url", base(), "--customer", CUSTOMER, "--reseller", id);
            assertThat(reseller.exit()).as("sync --reseller %s", shown).isEqualTo(2);

            Path customersFile = folder.resolve("customers.txt");
            Files.writeString(customersFile, "# one good, one hostile\n" + CUSTOMER + "\n" + id.replace('\n', ' ').replace('\r', ' ') + "x\n",
                    StandardCharsets.UTF_8);
            Cli file = run(Map.of("PC_ORDERS_ACCESS_TOKEN", TOKEN), "--db", database.toString(), "sync", "-q",
                    "--base-url", base(), "--customers-file", customersFile.toString());
            assertThat(file.exit()).as("--customers-file with %s", shown).isEqualTo(2);
            assertThat(file.err()).contains("line 3");

            Cli list = run(Map.of(), "--db", database.toString(), "orders", "list", "--customer", id);
            assertThat(list.exit()).as("orders list --customer %s", shown).isEqualTo(2);
            refused += 5;
        }
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).as("requests that reached the server").isEmpty();
        ReliabilityFigures.record("hostile.ids-refused", refused);
    }

    @Test
    void brokenLedgerFilesFailWithTheirLineThroughTheUseCaseAndTheCommandLine() throws IOException {
        Path database = folder.resolve("ledger.db");
        String header = "customer_id,order_id,offer_id,quantity\r\n";
        String good = CUSTOMER + ",o-1,DZH318Z0BQ4B:000Z:DZH318Z0DSPL,1\r\n";
        byte[] latin1 = (header + good + CUSTOMER + ",caf\u00e9,DZH318Z0BQ4B:000Z:DZH318Z0DSPL,1\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Ledger> ledgers = new java.util.LinkedHashMap<>();
        ledgers.put("a quote never closed", new Ledger(bytes(header + good + CUSTOMER + ",\"o-2,X:Y:Z,1\r\n" + good), 3));
        ledgers.put("text after a closing quote", new Ledger(bytes(header + good + good + CUSTOMER + ",\"o\"x,X:Y:Z,1\r\n"), 4));
        ledgers.put("Latin-1 bytes", new Ledger(latin1, 3));
        ledgers.put("UTF-16", new Ledger((header + good).getBytes(StandardCharsets.UTF_16), 1));
        ledgers.put("invalid UTF-8 in the middle", new Ledger(concat(bytes(header + good + CUSTOMER + ",o-"),
                new byte[] {(byte) 0xC0, (byte) 0xAF, (byte) 0xFF}, bytes(",X:Y:Z,1\r\n")), 3));
        ledgers.put("a quantity of 400 digits", new Ledger(bytes(header + good + CUSTOMER + ",o-3,X:Y:Z," + "9".repeat(400)
                + "\r\n"), 3));

        try (PcOrders pcOrders = PcOrders.builder().database(database).build()) {
            for (Map.Entry<String, Ledger> ledger : ledgers.entrySet()) {
                Path file = folder.resolve("ledger.csv");
                Files.write(file, ledger.getValue().bytes());
                assertLineNumbered(ledger.getKey(), file, ledger.getValue().line(), pcOrders);
            }
            Path huge = folder.resolve("huge.csv");
            // One field past the reader's 16 Mi-character record limit, in a quote that is never closed.
            try (Writer writer = new BufferedWriter(Files.newBufferedWriter(huge, StandardCharsets.UTF_8), 1 << 16)) {
                writer.write(header);
                writer.write(good);
                writer.write(CUSTOMER + ",\"");
                char[] block = new char[1 << 16];
                java.util.Arrays.fill(block, 'x');
                for (int i = 0; i < 260; i++) {
                    writer.write(block);
                }
                writer.write("\",X:Y:Z,1\r\n");
            }
            assertLineNumbered("a 17 MB field", huge, 3, pcOrders);
        }
        ReliabilityFigures.record("hostile.ledgers", ledgers.size() + 1);
    }

    private record Ledger(byte[] bytes, long line) {
    }

    private static void assertLineNumbered(String what, Path file, long line, PcOrders pcOrders) {
        assertThatThrownBy(() -> pcOrders.reconcileOrders().reconcileOrders(ReconcileOrdersCommand.of(file)))
                .as(what).isInstanceOfSatisfying(LedgerReadException.class, e -> {
                    assertThat(e.line()).as(what + ": " + e.getMessage()).hasValue(line);
                    assertThat(e.getMessage()).as(what).contains("line " + line).hasSizeLessThan(2000);
                });
        Cli cli = run(Map.of(), "--db", pcOrders.database().orElseThrow().toString(), "reconcile", "--ledger", file.toString());
        assertThat(cli.exit()).as(what + ": " + cli.err()).isEqualTo(2);
        assertThat(cli.err()).as(what).contains("line " + line);
        assertThat(cli.err().length()).as(what).isLessThan(2000);
    }

    @Test
    void sqlMetacharactersInEveryFilterAreDataNotSyntax() throws Exception {
        List<ObjectNode> items = new ArrayList<>();
        items.add(order("plain", "completed", "monthly", "4847383", "sub-plain", "DZH318Z0BQ4B:000Z:DZH318Z0DSPL"));
        for (int i = 0; i < METACHARACTERS.size(); i++) {
            String value = METACHARACTERS.get(i);
            items.add(order("meta-" + i, value, value, value, value, value));
        }
        ObjectNode collection = JSON.createObjectNode();
        collection.put("totalCount", items.size());
        collection.putArray("items").addAll(items);
        server.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(JSON.writeValueAsBytes(collection))));
        Path database = folder.resolve("meta.db");
        try (PcOrders pcOrders = PcOrders.builder()
                .partnerCenter(PartnerCenterClientSettings.defaults().withBaseUrl(java.net.URI.create(base())))
                .accessTokenProvider(new StaticAccessTokenProvider(TOKEN)).database(database).build()) {
            CustomerSyncResult synced = pcOrders.syncOrders().syncOrders(SyncOrdersCommand.of(CustomerId.parse(CUSTOMER)))
                    .customers().get(0);
            assertThat(synced).isInstanceOf(CustomerSyncResult.Succeeded.class);
            List<Order> all = pcOrders.findCachedOrders().findCachedOrders(CachedOrdersQuery.firstPageOf(OrderCriteria.ALL))
                    .orders().stream().map(CachedOrder::order).toList();
            assertThat(all).hasSize(items.size());

            int filters = 0;
            List<String> probes = new ArrayList<>(METACHARACTERS);
            probes.addAll(List.of("%%", "__", "' OR 1=1 --", "plain", "4847383"));
            for (String probe : probes) {
                List<Function<OrderCriteria, OrderCriteria>> criteria = List.of(
                        c -> c.withPartnerIdOnRecord(probe),
                        c -> c.withSubscriptionId(probe),
                        c -> c.withStatus(OrderStatus.parse(probe)),
                        c -> c.withBillingCycle(BillingCycle.parse(probe)),
                        c -> c.withOfferId(OfferId.parse(probe)),
                        c -> c.withCustomer(CustomerId.parse(CUSTOMER)).withPartnerIdOnRecord(probe).withSubscriptionId(probe));
                for (Function<OrderCriteria, OrderCriteria> filter : criteria) {
                    OrderCriteria wanted = filter.apply(OrderCriteria.ALL);
                    List<String> expected = all.stream().filter(wanted::matches).map(o -> o.id().value()).sorted()
                            .collect(Collectors.toList());
                    CachedOrders found = pcOrders.findCachedOrders().findCachedOrders(CachedOrdersQuery.firstPageOf(wanted));
                    assertThat(found.orders()).extracting(o -> o.order().id().value()).as("%s", wanted)
                            .containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(found.totalMatching()).isEqualTo(expected.size());
                    filters++;
                }
                filters += assertCliListsTheSame(database, all, probe);
            }
            ReliabilityFigures.record("hostile.metacharacter-filters", filters);
        }
    }

    /** {@code orders list} with each text filter the command line has, compared with the domain's own rule. */
    private static int assertCliListsTheSame(Path database, List<Order> all, String probe) throws IOException {
        Map<String, OrderCriteria> flags = Map.of(
                "--reseller", OrderCriteria.ALL.withPartnerIdOnRecord(probe.strip()),
                "--status", OrderCriteria.ALL.withStatus(OrderStatus.parse(probe)),
                "--billing-cycle", OrderCriteria.ALL.withBillingCycle(BillingCycle.parse(probe)),
                "--offer", OrderCriteria.ALL.withOfferId(OfferId.parse(probe)));
        for (Map.Entry<String, OrderCriteria> flag : flags.entrySet()) {
            Cli cli = run(Map.of(), "--db", database.toString(), "orders", "list", flag.getKey(), probe, "--format", "json");
            assertThat(cli.exit()).as("%s %s: %s", flag.getKey(), probe, cli.err()).isZero();
            JsonNode listed = JSON.readTree(cli.out());
            List<String> ids = StreamSupport.stream(listed.spliterator(), false).map(o -> o.get("id").asText()).sorted()
                    .collect(Collectors.toList());
            List<String> expected = all.stream().filter(flag.getValue()::matches).map(o -> o.id().value()).sorted()
                    .collect(Collectors.toList());
            assertThat(ids).as("%s %s", flag.getKey(), probe).isEqualTo(expected);
        }
        return flags.size();
    }

    private static ObjectNode order(String id, String status, String billingCycle, String partner, String subscription,
                                    String offer) {
        ObjectNode order = JSON.createObjectNode();
        order.put("id", id);
        order.put("referenceCustomerId", CUSTOMER);
        order.put("billingCycle", billingCycle);
        order.put("currencyCode", "USD");
        order.put("creationDate", "2024-01-02T03:04:05Z");
        order.put("status", status);
        ArrayNode lineItems = order.putArray("lineItems");
        ObjectNode item = lineItems.addObject();
        item.put("lineItemNumber", 0);
        item.put("offerId", offer);
        item.put("subscriptionId", subscription);
        item.put("quantity", 1);
        item.put("partnerIdOnRecord", partner);
        return order;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
