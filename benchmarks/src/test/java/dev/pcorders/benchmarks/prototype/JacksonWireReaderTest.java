package dev.pcorders.benchmarks.prototype;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.http.order.wire.OrderCollectionDto;
import dev.pcorders.adapter.http.wire.WireJson;
import dev.pcorders.benchmarks.OrderFixtures;
import io.micronaut.core.type.Argument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The breakdown compares like with like: on the benchmark's data the prototype reads what the serde readers read. */
class JacksonWireReaderTest {

    @TempDir
    Path directory;

    @Test
    void readsTheSameWireRecordsAsTheSerdeReaders() throws IOException {
        byte[] body = OrderFixtures.collectionBody(300, directory);

        OrderCollectionDto serde = WireJson.mapper(OrderCollectionDto.class.getPackageName()).readValue(new ByteArrayInputStream(body),
                Argument.of(OrderCollectionDto.class));
        OrderCollectionDto jackson = new JacksonWireReader().read(new ByteArrayInputStream(body));

        assertThat(jackson.items()).hasSize(300);
        assertThat(jackson).isEqualTo(serde);
    }
}
