package dev.pcorders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Same seed and settings, same bytes: benchmarks and end-to-end tests compare runs, and a failure seen once
 * must come back on the next start. A different seed must give different data, or "seeded" means nothing.
 */
class DeterminismTest {

    private static final SandboxSettings SETTINGS = SandboxSettings.defaults().withSeed(2024).withCustomers(3)
            .withOrdersPerCustomer(150);
    private static final List<String> QUERIES = List.of(
            "",
            "include_price=true&include_system_purchases=true",
            "include_price=true&billingType=2",
            "include_system_purchases=true&billingType=one_time");

    /** Every body of every customer and query, keyed by "customer index | query | page number". */
    private static Map<String, byte[]> bodies(SandboxServer sandbox, List<String> queries) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (int c = 0; c < sandbox.customerIds().size(); c++) {
            String customer = sandbox.customerIds().get(c);
            List<String> all = new ArrayList<>(queries);
            all.add("indirect_reseller_id=" + sandbox.customers().get(c).indirectResellerIds().get(0));
            for (String query : all) {
                List<byte[]> pages = pages(sandbox, customer, query);
                for (int p = 0; p < pages.size(); p++) {
                    bodies.put(c + "|" + query.replaceAll("indirect_reseller_id=\\d+", "reseller") + "|" + p,
                            pages.get(p));
                }
            }
        }
        return bodies;
    }

    private static List<byte[]> pages(SandboxServer sandbox, String customer, String query) {
        List<byte[]> pages = new ArrayList<>();
        HttpResponse<byte[]> response = Http.getOrders(sandbox, customer, query);
        while (true) {
            assertThat(response.statusCode()).isEqualTo(200);
            pages.add(response.body());
            JsonNode next = Http.json(response).at("/links/next");
            if (next.isMissingNode()) {
                return pages;
            }
            response = Http.get(URI.create(sandbox.baseUrl() + "/v1" + next.get("uri").asText()),
                    "Authorization", Http.TOKEN, "MS-ContinuationToken", next.at("/headers/0/value").asText());
        }
    }

    /** Digests instead of the bytes, so a failure prints which bodies differ, not megabytes of JSON. */
    private static Map<String, String> digests(Map<String, byte[]> bodies) {
        Map<String, String> digests = new LinkedHashMap<>();
        bodies.forEach((key, body) -> digests.put(key, body.length + ":" + sha256(body)));
        return digests;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] csv(SandboxServer sandbox, ReconciliationPlan plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sandbox.data().writeReconciliationCsv(out, plan);
        return out.toByteArray();
    }

    private static Set<String> orderIds(Map<String, byte[]> bodies) {
        Set<String> ids = new TreeSet<>();
        bodies.values().forEach(body -> Http.json(body).get("items").forEach(order -> ids.add(order.get("id").asText())));
        return ids;
    }

    @Test
    void twoServersStartedWithTheSameSettingsServeByteIdenticalBodies() {
        Map<String, byte[]> first;
        try (SandboxServer sandbox = Sandbox.start(SETTINGS)) {
            first = bodies(sandbox, QUERIES);
        }
        List<String> reversed = new ArrayList<>(QUERIES);
        Collections.reverse(reversed);
        try (SandboxServer sandbox = Sandbox.start(SETTINGS)) {
            // Another order of requests as well: what one request served must not leak into the next.
            Map<String, byte[]> second = bodies(sandbox, reversed);
            assertThat(digests(second)).isEqualTo(digests(first));
        }
        assertThat(first).hasSizeGreaterThanOrEqualTo(SETTINGS.customers() * (QUERIES.size() + 1));
        assertThat(orderIds(first)).hasSizeGreaterThan(100);
    }

    @Test
    void pagedBodiesIncludingTheirContinuationTokensAreByteIdenticalToo() {
        SandboxSettings paged = SETTINGS.withPageSize(40);
        Map<String, byte[]> first;
        try (SandboxServer sandbox = Sandbox.start(paged)) {
            first = bodies(sandbox, QUERIES);
        }
        try (SandboxServer sandbox = Sandbox.start(paged)) {
            assertThat(digests(bodies(sandbox, QUERIES))).isEqualTo(digests(first));
        }
        assertThat(first.keySet()).anySatisfy(key -> assertThat(key).endsWith("|3"));
    }

    @Test
    void theBodyWrittenWithoutAServerIsTheBodyServed() throws IOException {
        try (SandboxServer sandbox = Sandbox.start(SETTINGS)) {
            String customer = sandbox.customerIds().get(1);
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            long bytes = Sandbox.data(SETTINGS).writeOrders(customer, OrdersQuery.everythingPriced(), written);
            byte[] served = Http.getOrders(sandbox, customer, "include_price=true&include_system_purchases=true").body();
            assertThat(bytes).isEqualTo(served.length);
            assertThat(sha256(written.toByteArray())).isEqualTo(sha256(served));
        }
    }

    @Test
    void twoServersWithTheSameSeedWriteIdenticalReconciliationExports() throws IOException {
        ReconciliationPlan plan = ReconciliationPlan.of(3, true);
        byte[] firstCsv;
        ReconciliationExport firstExport;
        try (SandboxServer sandbox = Sandbox.start(SETTINGS)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            firstExport = sandbox.data().writeReconciliationCsv(out, plan);
            firstCsv = out.toByteArray();
        }
        try (SandboxServer sandbox = Sandbox.start(SETTINGS)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReconciliationExport secondExport = sandbox.data().writeReconciliationCsv(out, plan);
            assertThat(sha256(out.toByteArray())).isEqualTo(sha256(firstCsv));
            assertThat(secondExport).isEqualTo(firstExport);
            // Writing twice from one data set must not drift either (the writer keeps counters).
            assertThat(sha256(csv(sandbox, plan))).isEqualTo(sha256(firstCsv));
        }
        assertThat(firstExport.planted()).isNotEmpty();
    }

    @Test
    void aDifferentSeedGivesDifferentData() throws IOException {
        Map<String, byte[]> seeded;
        byte[] seededCsv;
        List<String> seededCustomers;
        try (SandboxServer sandbox = Sandbox.start(SETTINGS)) {
            seeded = bodies(sandbox, QUERIES);
            seededCsv = csv(sandbox, ReconciliationPlan.of(3, true));
            seededCustomers = sandbox.customerIds();
        }
        try (SandboxServer sandbox = Sandbox.start(SETTINGS.withSeed(SETTINGS.seed() + 1))) {
            Map<String, byte[]> other = bodies(sandbox, QUERIES);
            assertThat(sandbox.customerIds()).doesNotContainAnyElementsOf(seededCustomers);
            assertThat(orderIds(other)).doesNotContainAnyElementsOf(orderIds(seeded));
            Set<String> sharedDigests = new TreeSet<>(digests(other).values());
            sharedDigests.retainAll(digests(seeded).values());
            assertThat(sharedDigests).isEmpty();
            assertThat(sha256(csv(sandbox, ReconciliationPlan.of(3, true)))).isNotEqualTo(sha256(seededCsv));
            // Not just new ids: the drawn values differ too (cycles, statuses, quantities, prices).
            assertThat(values(other)).isNotEqualTo(values(seeded));
        }
    }

    /** Each order's values without its ids, in served order. */
    private static List<String> values(Map<String, byte[]> bodies) {
        List<String> values = new ArrayList<>();
        bodies.values().forEach(body -> Http.json(body).get("items").forEach(order -> {
            StringBuilder text = new StringBuilder(order.get("billingCycle").asText()).append(order.get("status").asText());
            order.get("lineItems").forEach(line -> text.append(line.get("offerId").asText())
                    .append(line.get("quantity").asText()).append(line.path("pricing").path("price").asText()));
            values.add(text.toString());
        }));
        return values;
    }
}
