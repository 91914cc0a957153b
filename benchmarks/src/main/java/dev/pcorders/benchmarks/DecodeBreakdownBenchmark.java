package dev.pcorders.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.pcorders.adapter.http.order.OrderDocumentDecoder;
import dev.pcorders.adapter.http.order.PartnerCenterOrderGateways;
import dev.pcorders.adapter.http.order.wire.OrderCollectionDto;
import dev.pcorders.adapter.http.wire.WireJson;
import dev.pcorders.benchmarks.prototype.JacksonWireReader;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.shared.Page;
import io.micronaut.core.type.Argument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
 * Where the gateway decoder's time goes, on DecodeBenchmark's collection and settings: the whole
 * decoder; its first half alone (micronaut-serde into the wire records, so the mapper's share is the
 * difference); the same wire records read straight off Jackson's parser by a measurement-only
 * prototype (what serde's Decoder costs); and the tokens-only pass. Not one of issue 8's targets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
// 10 s of warm-up: at 3 x 1 s on a loaded machine the gateway decoder's larger hot code was still being compiled
// when measurement began (iterations of 236, 112, 31, 31, 31 ms/op), so the figure measured the JIT, not the decoder.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecodeBreakdownBenchmark {

    @Param("10485760")
    public long targetBytes;

    private final OrderDocumentDecoder gatewayDecoder = PartnerCenterOrderGateways.decoder();
    private final JacksonWireReader jacksonWireReader = new JacksonWireReader();
    private final JsonFactory streaming = new JsonFactory();
    private Path directory;
    private byte[] body;

    @Setup(Level.Trial)
    public void writeCollection() {
        directory = OrderFixtures.temporaryDirectory("pc-orders-decode-breakdown");
        body = OrderFixtures.collectionBody(OrderFixtures.ordersForBodyOf(targetBytes), directory);
    }

    @TearDown(Level.Trial)
    public void deleteCollection() {
        OrderFixtures.deleteRecursively(directory);
    }

    @Benchmark
    public Page<Order> gatewayDecoder() {
        return gatewayDecoder.decodeCollection(new ByteArrayInputStream(body), 1);
    }

    @Benchmark
    public OrderCollectionDto serdeWireRecords() throws IOException {
        return WireJson.mapper(OrderCollectionDto.class.getPackageName()).readValue(new ByteArrayInputStream(body), Argument.of(OrderCollectionDto.class));
    }

    @Benchmark
    public OrderCollectionDto jacksonWireRecords() throws IOException {
        return jacksonWireReader.read(new ByteArrayInputStream(body));
    }

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
}
