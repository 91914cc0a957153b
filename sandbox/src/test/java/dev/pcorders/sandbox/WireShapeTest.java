package dev.pcorders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's bodies against the published samples: every property it writes has a name and a JSON value
 * type that a published sample uses for that place, or that partner-center-api.md names (the samples carry
 * no prices, commitments or paging). Shapes are compared as paths: {@code order.lineItems[].links.sku.uri};
 * a collection's items are walked as {@code order}, so single-order samples and collections meet.
 */
class WireShapeTest {

    private static final String OBJECT = "object";
    private static final String ARRAY = "array";
    private static final String STRING = "string";
    /** A JSON number with a fraction or exponent; the contract's money. An integral number also fits it. */
    private static final String NUMBER = "number";
    /** A JSON number without fraction: the contract's {@code int} fields (totalCount, lineItemNumber, quantity). */
    private static final String INTEGER = "integer";
    private static final String BOOLEAN = "boolean";
    private static final String NULL = "null";

    /** provisioningContext is {string:string}: its keys are data, not contract names. */
    private static final String ANY_KEY = "*";
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");

    /**
     * The body as partner-center-api.md writes it, transcribed path by path. Link {@code body?} is left out:
     * the contract gives it no type and the sandbox never writes it, so any body the sandbox wrote would fail.
     */
    private static final Map<String, String> CONTRACT = contract();

    private static SandboxServer sandbox;
    private static Map<String, Set<String>> fixtureShape;
    private static Map<String, Set<String>> sandboxShape;
    private static Set<String> sandboxNames;

    @BeforeAll
    static void collectShapes() throws IOException {
        fixtureShape = new TreeMap<>();
        for (Path fixture : orderFixtures()) {
            JsonNode root = Http.MAPPER.readTree(fixture.toFile());
            walk(root.has("items") ? "collection" : "order", root, fixtureShape, new TreeSet<>());
        }
        // Paged, so collection.links.next with its continuation header shows up too.
        sandbox = Sandbox.start(SandboxSettings.defaults().withSeed(7).withCustomers(2).withOrdersPerCustomer(120)
                .withPageSize(50));
        sandboxShape = new TreeMap<>();
        sandboxNames = new TreeSet<>();
        for (String customer : sandbox.customerIds()) {
            for (String query : List.of("", "include_price=true&include_system_purchases=true",
                    "include_price=true&billingType=monthly")) {
                for (JsonNode page : allPages(customer, query)) {
                    walk("collection", page, sandboxShape, sandboxNames);
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /**
     * The order fixtures that are real public-API payloads. Left out, as SOURCES.md describes them:
     * {@code *.malformed.json} is not valid JSON as published (a brace is missing), so it has no shape to
     * read; {@code *.derived.json} is an audit record decoded server-side, with PascalCase names and nulls
     * the public API does not send, so holding the sandbox to it would demand the wrong wire; and
     * {@code error-*.json} is an error body, not an order, checked on its own below.
     */
    private static List<Path> orderFixtures() throws IOException {
        try (Stream<Path> files = Files.list(fixtureDirectory())) {
            List<Path> fixtures = files
                    .filter(file -> file.getFileName().toString().endsWith(".json"))
                    .filter(file -> !file.getFileName().toString().endsWith(".malformed.json"))
                    .filter(file -> !file.getFileName().toString().endsWith(".derived.json"))
                    .filter(file -> !file.getFileName().toString().startsWith("error-"))
                    .sorted()
                    .collect(Collectors.toList());
            assertThat(fixtures).as("order fixtures in %s", fixtureDirectory()).hasSizeGreaterThanOrEqualTo(6);
            return fixtures;
        }
    }

    private static Path fixtureDirectory() {
        try {
            return Path.of(WireShapeTest.class.getResource("/partner-center/SOURCES.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> allPages(String customer, String query) {
        List<JsonNode> pages = new ArrayList<>();
        HttpResponse<byte[]> response = Http.getOrders(sandbox, customer, query);
        while (true) {
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = Http.json(response);
            pages.add(page);
            JsonNode next = page.at("/links/next");
            if (next.isMissingNode()) {
                return pages;
            }
            List<String> headers = new ArrayList<>(List.of("Authorization", Http.TOKEN));
            next.get("headers").forEach(header -> {
                headers.add(header.get("key").asText());
                headers.add(header.get("value").asText());
            });
            response = Http.get(URI.create(sandbox.baseUrl() + "/v1" + next.get("uri").asText()),
                    headers.toArray(String[]::new));
        }
    }

    private static void walk(String path, JsonNode node, Map<String, Set<String>> shape, Set<String> names) {
        shape.computeIfAbsent(path, any -> new TreeSet<>()).add(type(node));
        if (node.isObject()) {
            boolean dataKeys = path.endsWith(".provisioningContext");
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                names.add(field.getKey());
                walk(path + "." + (dataKeys ? ANY_KEY : field.getKey()), field.getValue(), shape, names);
            }
        } else if (node.isArray()) {
            String element = "collection.items".equals(path) ? "order" : path + "[]";
            node.forEach(item -> walk(element, item, shape, names));
        }
    }

    private static String type(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT:
                return OBJECT;
            case ARRAY:
                return ARRAY;
            case STRING:
                return STRING;
            case NUMBER:
                return node.isIntegralNumber() ? INTEGER : NUMBER;
            case BOOLEAN:
                return BOOLEAN;
            case NULL:
                return NULL;
            default:
                throw new IllegalStateException("unexpected JSON node " + node.getNodeType());
        }
    }

    private static boolean fits(String expected, String actual) {
        return expected.equals(actual) || NUMBER.equals(expected) && INTEGER.equals(actual);
    }

    @Test
    void theContractTranscriptionAgreesWithEveryPublishedFixture() {
        // Guards the hand-written CONTRACT table: a typo there would let the next test pass for the wrong reason.
        List<String> disagreements = new ArrayList<>();
        fixtureShape.forEach((path, types) -> {
            String contract = CONTRACT.get(path);
            if (contract == null || !types.stream().allMatch(type -> fits(contract, type))) {
                disagreements.add(path + ": fixtures " + types + ", contract " + contract);
            }
        });
        assertThat(disagreements).isEmpty();
        assertThat(fixtureShape).containsKeys("order.lineItems[].links.sku.uri", "order.client.deviceFamily",
                "order.attributes.etag", "order.links.patchOperation.method", "collection.totalCount");
    }

    @Test
    void everyPropertyTheSandboxWritesHasTheFixturesNameAndTypeOrTheContracts() {
        List<String> violations = new ArrayList<>();
        sandboxShape.forEach((path, types) -> {
            Set<String> published = fixtureShape.get(path);
            String contract = CONTRACT.get(path);
            if (published == null && contract == null) {
                violations.add(path + " " + types + ": neither a fixture nor the contract has this property");
            } else if (published != null && !published.containsAll(types)) {
                violations.add(path + ": sandbox writes " + types + ", fixtures have " + published);
            } else if (published == null && !types.stream().allMatch(type -> fits(contract, type))) {
                violations.add(path + ": sandbox writes " + types + ", the contract says " + contract);
            }
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void theSandboxShowsEveryPropertyThePublishedFixturesShow() {
        assertThat(sandboxShape.keySet()).containsAll(fixtureShape.keySet());
    }

    @Test
    void moneyIsWrittenAsJsonNumbersWithTheirDecimals() {
        for (String money : List.of("order.totalPrice", "order.lineItems[].pricing.listPrice",
                "order.lineItems[].pricing.discountedPrice", "order.lineItems[].pricing.extendedPrice",
                "order.lineItems[].pricing.price", "order.lineItems[].pricing.proratedPrice",
                "order.lineItems[].purchaseCommitment.amount")) {
            assertThat(sandboxShape.get(money)).as(money).containsExactly(NUMBER);
        }
        for (String count : List.of("collection.totalCount", "order.lineItems[].lineItemNumber",
                "order.lineItems[].quantity")) {
            assertThat(sandboxShape.get(count)).as(count).containsExactly(INTEGER);
        }
        assertThat(sandboxShape.get("order.lineItems[].attestationAccepted")).containsExactly(BOOLEAN);
    }

    @Test
    void propertyNamesAreCamelCaseAndNothingIsNull() {
        assertThat(sandboxNames).isNotEmpty().allSatisfy(name -> assertThat(name).matches(CAMEL_CASE));
        assertThat(sandboxShape).allSatisfy((path, types) -> assertThat(types).as(path).doesNotContain(NULL));
    }

    @Test
    void theSandboxWritesAllOfTheContractButWhatItDeliberatelyLeavesOut() {
        Set<String> unwritten = new TreeSet<>(CONTRACT.keySet());
        unwritten.removeAll(sandboxShape.keySet());
        // The sandbox pages forward only, never sends a collection etag, gives line items no provisioning
        // status link, and only the next link replays headers.
        Set<String> leftOut = new TreeSet<>();
        leftOut.addAll(linkPaths("collection.links.previous"));
        leftOut.add("collection.attributes.etag");
        leftOut.addAll(linkPaths("order.lineItems[].links.provisioningStatus"));
        CONTRACT.keySet().stream()
                .filter(path -> path.contains(".headers[]") && !path.startsWith("collection.links.next."))
                .forEach(leftOut::add);
        assertThat(unwritten).isEqualTo(leftOut);
    }

    @Test
    void theThrottlingBodyHasThePublishedShape() throws IOException {
        JsonNode published = Http.MAPPER.readTree(fixtureDirectory().resolve("error-429-throttled.json").toFile());
        try (SandboxServer throttling = Sandbox.start(SandboxSettings.defaults().withCustomers(1)
                .withFaults(FaultPlan.schedule(FaultKind.THROTTLED).withRetryAfterSeconds(57)))) {
            HttpResponse<byte[]> response = Http.getOrders(throttling, throttling.customerIds().get(0), "");
            assertThat(response.statusCode()).isEqualTo(429);
            Map<String, Set<String>> expected = new TreeMap<>();
            Map<String, Set<String>> actual = new TreeMap<>();
            walk("error", published, expected, new TreeSet<>());
            walk("error", Http.json(response), actual, new TreeSet<>());
            assertThat(actual).isEqualTo(expected);
            assertThat(Http.json(response)).isEqualTo(published);
        }
    }

    private static Map<String, String> contract() {
        Map<String, String> contract = new TreeMap<>();
        contract.put("collection", OBJECT);
        contract.put("collection.totalCount", INTEGER);
        contract.put("collection.items", ARRAY);
        links(contract, "collection.links", "self", "next", "previous");
        attributes(contract, "collection.attributes");

        contract.put("order", OBJECT);
        for (String name : List.of("id", "alternateId", "referenceCustomerId", "billingCycle", "currencyCode",
                "currencySymbol", "creationDate", "status", "transactionType")) {
            contract.put("order." + name, STRING);
        }
        contract.put("order.totalPrice", NUMBER);
        contract.put("order.client", OBJECT);
        for (String name : List.of("deviceFamily", "marketplaceCountry", "name")) {
            contract.put("order.client." + name, STRING);
        }
        contract.put("order.lineItems", ARRAY);
        links(contract, "order.links", "self", "provisioningStatus", "patchOperation");
        attributes(contract, "order.attributes");

        String line = "order.lineItems[]";
        contract.put(line, OBJECT);
        contract.put(line + ".lineItemNumber", INTEGER);
        contract.put(line + ".quantity", INTEGER);
        for (String name : List.of("offerId", "subscriptionId", "parentSubscriptionId", "termDuration", "transactionType",
                "friendlyName", "partnerIdOnRecord", "promotionId", "customTermEndDate")) {
            contract.put(line + "." + name, STRING);
        }
        contract.put(line + ".provisioningContext", OBJECT);
        contract.put(line + ".provisioningContext." + ANY_KEY, STRING);
        contract.put(line + ".pricing", OBJECT);
        for (String name : List.of("listPrice", "discountedPrice", "extendedPrice", "price", "proratedPrice")) {
            contract.put(line + ".pricing." + name, NUMBER);
        }
        contract.put(line + ".purchaseCommitment", OBJECT);
        contract.put(line + ".purchaseCommitment.amount", NUMBER);
        contract.put(line + ".purchaseCommitment.currency", STRING);
        contract.put(line + ".purchaseCommitment.grain", STRING);
        contract.put(line + ".renewsTo", OBJECT);
        contract.put(line + ".renewsTo.termDuration", STRING);
        contract.put(line + ".attestationAccepted", BOOLEAN);
        links(contract, line + ".links", "product", "sku", "availability", "subscription", "provisioningStatus",
                "activationLinks");
        return contract;
    }

    private static void links(Map<String, String> contract, String path, String... names) {
        contract.put(path, OBJECT);
        for (String name : names) {
            linkPaths(path + "." + name).forEach(link -> contract.put(link, linkType(link)));
        }
    }

    private static List<String> linkPaths(String link) {
        return List.of(link, link + ".uri", link + ".method", link + ".headers", link + ".headers[]",
                link + ".headers[].key", link + ".headers[].value");
    }

    private static String linkType(String path) {
        if (path.endsWith(".headers")) {
            return ARRAY;
        }
        if (path.endsWith(".uri") || path.endsWith(".method") || path.endsWith(".key") || path.endsWith(".value")) {
            return STRING;
        }
        return OBJECT;
    }

    private static void attributes(Map<String, String> contract, String path) {
        contract.put(path, OBJECT);
        contract.put(path + ".etag", STRING);
        contract.put(path + ".objectType", STRING);
    }
}
