package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A malformed order deep in one large response, after pages of it were handed to the store: the customer fails
 * naming the JSON path, and the snapshot stored before stays whole, nothing of the failed response mixed in.
 */
@Timeout(120)
class UnpagedSyncRollbackEndToEndTest {

    private static final String CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";

    @TempDir
    Path folder;

    private HttpServer server;
    private final AtomicReference<byte[]> body = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.get();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aMalformedOrderAfterPagesWereStoredFailsTheCustomerAndKeepsThePreviousSnapshot() {
        String db = folder.resolve("cache.db").toString();
        body.set(collection(1500, -1));
        assertThat(sync(db).exitCode()).isZero();

        body.set(collection(2500, 2000));
        Cli.Run failed = sync(db);

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
        assertThat(failed.out() + failed.err()).contains("items[2000].lineItems[0].quantity");
        Cli.Run list = Cli.run(Map.of(), "--db", db, "orders", "list", "--format", "csv");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out().lines().skip(1).map(line -> line.split(",", 3)[1]).distinct().count()).isEqualTo(1500);
    }

    private Cli.Run sync(String db) {
        return Cli.run(Map.of("PC_ORDERS_ACCESS_TOKEN", "rollback-test-token"), "--db", db, "sync", "--quiet",
                "--customer", CUSTOMER, "--base-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** {@code orders} orders in one collection; the one at {@code broken} (if any) has a fractional quantity. */
    private static byte[] collection(int orders, int broken) {
        StringBuilder json = new StringBuilder("{\"items\":[");
        for (int i = 0; i < orders; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"o-").append(i).append("\",\"referenceCustomerId\":\"")
                    .append(CUSTOMER).append("\",\"creationDate\":\"2020-01-02T03:04:05Z\",\"lineItems\":[{")
                    .append("\"lineItemNumber\":0,\"offerId\":\"DZH318Z0BQ4Z:002L:DZH318Z0CMNP\",\"quantity\":")
                    .append(i == broken ? "1.5" : "1").append("}]}");
        }
        return json.append("],\"totalCount\":").append(orders).append("}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
