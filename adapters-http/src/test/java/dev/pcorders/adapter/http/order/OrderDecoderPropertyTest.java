package dev.pcorders.adapter.http.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Thousands of mutated published fixtures through the decoder: each must give a domain result or a
 * MalformedResponse, never another exception, never a hang.
 */
class OrderDecoderPropertyTest {

    private static final List<String> FIXTURES = List.of("orders-by-billing-cycle.json", "order-by-id.json",
            "order-cancelled-sandbox.json", "order-indirect-reseller-customer.json", "order-pascalcase-billing-cycle.json",
            "order-server-side-pascalcase.derived.json", "order-software-with-client.json",
            "orders-all-of-a-customer.malformed.json", "error-429-throttled.json");

    // Tokens that change a value's type or a document's structure where they land.
    private static final List<String> SPLICES = List.of("{", "}", "[", "]", "\"", ",", ":", "null", "true", "-1", "0",
            "1e999", "1.5", "\"\"", "[]", "{}", "\\u0000", "\"x\"", "99999999999999999999", "\uD83D\uDE00", "-",
            "\"2020-13-45T99:99:99Z\"", "\"Annual\"", "\"fortnightly\"");

    private final OrderJsonDecoder decoder = new OrderJsonDecoder();

    record Mutation(String fixture, int kind, int position, int length, String splice) {
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.of(FIXTURES), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(1, 40),
                Arbitraries.of(SPLICES)).as(Mutation::new);
    }

    @Property(tries = 3000)
    void mutatedFixturesDecodeOrFailAsMalformed(@ForAll("mutations") Mutation mutation) {
        byte[] mutated = apply(mutation, OrderJsonDecoderTest.fixtureBytes(mutation.fixture()));
        boolean collection = mutation.fixture().startsWith("orders-");
        try {
            Object result = collection
                    ? decoder.decodeCollection(new ByteArrayInputStream(mutated), 1)
                    : decoder.decodeOrder(new ByteArrayInputStream(mutated));
            assertThat(result).isNotNull();
        } catch (MalformedResponse expected) {
            assertThat(expected.getMessage()).isNotBlank().hasSizeLessThan(2000);
        }
    }

    @Property(tries = 300)
    void randomBytesNeverEscapeAsAnotherException(@ForAll byte[] garbage) {
        try {
            decoder.decodeCollection(new ByteArrayInputStream(garbage), 1);
        } catch (MalformedResponse expected) {
            assertThat(expected.error()).isNotNull();
        }
    }

    private static byte[] apply(Mutation mutation, byte[] original) {
        int at = mutation.position() % (original.length + 1);
        int end = Math.min(original.length, at + mutation.length());
        byte[] splice = mutation.splice().getBytes(StandardCharsets.UTF_8);
        switch (mutation.kind()) {
            case 0:
                return Arrays.copyOf(original, at);
            case 1:
                return concat(Arrays.copyOf(original, at), Arrays.copyOfRange(original, end, original.length));
            case 2:
                return concat(concat(Arrays.copyOf(original, at), splice), Arrays.copyOfRange(original, at, original.length));
            case 3:
                return concat(concat(Arrays.copyOf(original, at), splice), Arrays.copyOfRange(original, end, original.length));
            default:
                byte[] flipped = original.clone();
                if (at < flipped.length) {
                    flipped[at] = (byte) (flipped[at] ^ (1 << (mutation.length() % 8)));
                }
                return flipped;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
