package dev.pcorders.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.pcorders.adapter.http.auth.StaticAccessTokenProvider;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.http.partnercenter.RetryPolicy;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.bootstrap.PcOrders;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.ScopedQuery;
import dev.pcorders.sandbox.OrdersQuery;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxData;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Thousands of mutated Partner Center bodies (truncations, deletions, spliced tokens, type swaps, huge
 * numbers, deep nesting, bytes that are not UTF-8) served over HTTP on 127.0.0.1 and read through
 * {@link PcOrders#getOrders()}: each gives orders or {@link PartnerCenterException.MalformedResponse},
 * never another exception and never a hang.
 */
class MutatedPayloadReliabilityTest {

    private static final String TOKEN = "fuzz-token";
    // Values that change a JSON value's type, or stretch it, where they land.
    private static final List<String> SWAPS = List.of("null", "true", "\"x\"", "[]", "{}", "-1", "0", "1.5", "-0",
            "1e999", "-1e-999", "99999999999999999999999999999999", "1" + "0".repeat(2000), "\"" + "9".repeat(5000) + "\"",
            "\"\\u0000\"", "\"\\ud800\"", "\"2020-13-45T99:99:99Z\"", "\"\"", "[[[[[[[[[[]]]]]]]]]]", "{\"a\":{\"b\":{}}}",
            "\"\uD83D\uDE00\"", "NaN", "Infinity", "0x10", "01", "+1", "'x'");
    private static final List<byte[]> NOT_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xC3}, new byte[] {(byte) 0x80});
    private static final Pattern VALUE_START = Pattern.compile("\":\\s*");

    private static final AtomicReference<byte[]> PAYLOAD = new AtomicReference<>(new byte[0]);
    private static final AtomicInteger FUZZED = new AtomicInteger();
    private static final AtomicInteger DECODED = new AtomicInteger();
    private static HttpServer server;
    private static PcOrders pcOrders;
    private static String customer;
    private static List<byte[]> bodies;

    @BeforeContainer
    static void start() throws IOException {
        // Headers and body go out in separate writes: without TCP_NODELAY each exchange waits on a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAYLOAD.get();
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        SandboxSettings settings = SandboxSettings.defaults().withCustomers(1).withOrdersPerCustomer(4);
        SandboxData data = Sandbox.data(settings);
        customer = data.customers().get(0).id();
        bodies = Stream.of(OrdersQuery.plain(), OrdersQuery.everythingPriced()).map(query -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                data.writeOrders(customer, query, body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return body.toByteArray();
        }).collect(Collectors.toList());
        pcOrders = PcOrders.builder()
                .partnerCenter(PartnerCenterClientSettings.defaults()
                        .withBaseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                        .withRetryPolicy(RetryPolicy.NONE))
                .accessTokenProvider(new StaticAccessTokenProvider(TOKEN))
                .build();
    }

    @AfterContainer
    static void stop() {
        pcOrders.close();
        server.stop(0);
        ReliabilityFigures.record("fuzz.payloads", FUZZED.get());
        ReliabilityFigures.record("fuzz.decoded-as-orders", DECODED.get());
    }

    record Mutation(int body, int kind, int position, int length, int pick) {
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 8),
                Arbitraries.integers().between(0, 1_000_000), Arbitraries.integers().between(1, 64),
                Arbitraries.integers().between(0, 10_000)).as(Mutation::new);
    }

    @Property(tries = 2500)
    void aMutatedBodyGivesOrdersOrMalformedResponse(@ForAll("mutations") Mutation mutation) {
        byte[] body = apply(mutation, bodies.get(mutation.body()));
        PAYLOAD.set(body);
        FUZZED.incrementAndGet();
        try (Stream<Order> orders = pcOrders.getOrders().getOrders(ScopedQuery.of(OrderScope.allOrdersOf(CustomerId.parse(customer))))) {
            assertThat(orders.count()).isNotNegative();
            DECODED.incrementAndGet();
        } catch (PartnerCenterException.MalformedResponse expected) {
            assertThat(expected.getMessage()).isNotBlank().hasSizeLessThan(4000).doesNotContain(TOKEN);
            assertThat(expected.error().httpStatus()).hasValue(200);
        }
    }

    private static byte[] apply(Mutation mutation, byte[] original) {
        int at = mutation.position() % (original.length + 1);
        int end = Math.min(original.length, at + mutation.length());
        switch (mutation.kind()) {
            case 0:
                return Arrays.copyOf(original, at);
            case 1:
                return concat(Arrays.copyOf(original, at), Arrays.copyOfRange(original, end, original.length));
            case 2:
                return splice(original, at, at, bytes(SWAPS.get(mutation.pick() % SWAPS.size())));
            case 3:
                return swapValue(original, mutation);
            case 4: {
                byte[] flipped = original.clone();
                if (at < flipped.length) {
                    flipped[at] = (byte) (flipped[at] ^ (1 << (mutation.length() % 8)));
                }
                return flipped;
            }
            case 5:
                return splice(original, at, at, NOT_UTF8.get(mutation.pick() % NOT_UTF8.size()));
            case 6: {
                // Deep nesting in place of a value: a stack-eating document.
                int depth = 500 + mutation.pick() * 20;
                return swapValue(original, mutation, "[".repeat(depth) + "]".repeat(mutation.length() % 2 == 0 ? depth : 1));
            }
            case 7:
                return swapValue(original, mutation, "-" + "7".repeat(1000 + mutation.pick()));
            default:
                // A whole different document.
                return bytes(SWAPS.get(mutation.pick() % SWAPS.size()));
        }
    }

    private static byte[] swapValue(byte[] original, Mutation mutation) {
        return swapValue(original, mutation, SWAPS.get(mutation.pick() % SWAPS.size()));
    }

    /** Replaces the value after the n-th {@code "key":} with {@code value}, leaving the rest of the document as it was. */
    private static byte[] swapValue(byte[] original, Mutation mutation, String value) {
        String text = new String(original, StandardCharsets.UTF_8);
        Matcher keys = VALUE_START.matcher(text);
        List<Integer> starts = keys.results().map(java.util.regex.MatchResult::end).collect(Collectors.toList());
        if (starts.isEmpty()) {
            return original;
        }
        int start = starts.get(mutation.position() % starts.size());
        int end = valueEnd(text, start);
        return splice(original, byteOffset(text, start), byteOffset(text, end), bytes(value));
    }

    /** The end of the JSON value starting at {@code start}: strings and nested brackets are skipped whole. */
    private static int valueEnd(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    private static int byteOffset(String text, int charIndex) {
        return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    private static byte[] splice(byte[] original, int from, int to, byte[] inserted) {
        return concat(concat(Arrays.copyOf(original, from), inserted), Arrays.copyOfRange(original, to, original.length));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
