package dev.pcorders.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcorders.adapter.http.order.OrderDocumentDecoder;
import dev.pcorders.adapter.http.order.PartnerCenterOrderGateways;
import dev.pcorders.benchmarks.sdk.SdkOrders;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.shared.Page;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One orders collection of about 10 MB, priced, decoded three ways. The figure is MB/s
 * ({@code bodyBytes} / time per op); the three run in one JMH run so their ratios are comparable.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
// 10 s of warm-up: at 3 x 1 s on a loaded machine the gateway decoder's larger hot code was still being compiled
// when measurement began (iterations of 236, 112, 31, 31, 31 ms/op), so the figure measured the JIT, not the decoder.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecodeBenchmark {

    /** Target size of the collection; the generator is asked for as many orders as make about this many bytes. */
    @Param("10485760")
    public long targetBytes;

    private final OrderDocumentDecoder gatewayDecoder = PartnerCenterOrderGateways.decoder();
    private final ObjectMapper databind = new ObjectMapper();
    private final JsonFactory streaming = new JsonFactory();
    private Path directory;
    private byte[] body;
    private String text;

    @Setup(Level.Trial)
    public void writeCollection() {
        directory = OrderFixtures.temporaryDirectory("pc-orders-decode");
        body = OrderFixtures.collectionBody(OrderFixtures.ordersForBodyOf(targetBytes), directory);
        // Baseline (a) is given a String, as the SDK gets one from its HTTP stack: decoding bytes to chars is not timed.
        text = new String(body, StandardCharsets.UTF_8);
    }

    @TearDown(Level.Trial)
    public void deleteCollection() {
        OrderFixtures.deleteRecursively(directory);
    }

    /**
     * The gateway's decoder: bytes to micronaut-serde wire records to validated domain records, read from
     * a stream over the received bytes as the gateway reads a response.
     */
    @Benchmark
    public Page<Order> gatewayDecoder() {
        return gatewayDecoder.decodeCollection(new ByteArrayInputStream(body), 1);
    }

    /** Baseline (a): Jackson databind from a String into the SDK-like POJOs. */
    @Benchmark
    public SdkOrders.OrderCollection jacksonDatabind() throws IOException {
        return databind.readValue(text, SdkOrders.OrderCollection.class);
    }

    /** Baseline (b): a Jackson streaming pass over the same bytes that reads tokens and nothing else. */
    @Benchmark
    public long jacksonStreaming() throws IOException {
        long tokens = 0;
        try (JsonParser parser = streaming.createParser(body)) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    /** The size decoded per op, for the figures. */
    public int bodyLength() {
        return body.length;
    }
}
