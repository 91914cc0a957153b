package dev.pcorders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One customer with 100,000 orders, served as one body without holding it: the server runs in a JVM of its
 * own whose heap and direct memory are a fraction of the body, so a server that built the body, or queued
 * it faster than the client reads, would die of OutOfMemoryError (and exits on it) instead of finishing.
 * The client streams the body through a JSON token counter and never holds it either.
 */
class VolumeTest {

    private static final int ORDERS = 100_000;
    private static final String HEAP = "-Xmx64m";
    private static final long HEAP_BYTES = 64L * 1024 * 1024;
    private static final long DIRECT_BYTES = 16L * 1024 * 1024;
    /** A piece of the body is about CollectionBody.CHUNK_BYTES: one more order at most, and orders are small. */
    private static final long LARGEST_CHUNK_BOUND = CollectionBody.CHUNK_BYTES + 16 * 1024;
    /**
     * Produced but not yet read, while the client sits still: socket buffers on both sides and a few chunks.
     * Far below the body, and below the child's heap.
     */
    private static final long IN_FLIGHT_BOUND = 16L * 1024 * 1024;

    @TempDir
    Path temp;
    private Process child;

    /** A test-side view of the child's stdin and stdout. */
    private record Child(BufferedReader out, Writer in) {
        String ask(String command) throws IOException {
            in.write(command + "\n");
            in.flush();
            return out.readLine();
        }
    }

    /** Counts the body's bytes as the JSON parser pulls them. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    @AfterEach
    void stopChild() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroy();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Child startChild(Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, HEAP, "-XX:MaxDirectMemorySize=" + DIRECT_BYTES,
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                SandboxChildProcess.class.getName(), "13", Integer.toString(ORDERS), "1"));
        child = new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new Child(new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)),
                new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8));
    }

    private static long[] stats(Child child) throws IOException {
        String line = child.ask("stats");
        assertThat(line).startsWith("STATS ");
        String[] parts = line.split(" ");
        return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]),
            Long.parseLong(parts[4])};
    }

    @Test
    void aHundredThousandOrdersStreamThroughASmallHeap() throws Exception {
        Path log = temp.resolve("child-stderr.log");
        Child sandbox = startChild(log);
        String ready = sandbox.out().readLine();
        assertThat(ready).as("child output; its stderr: %s", Files.exists(log) ? Files.readString(log) : "")
                .startsWith("READY ");
        String[] parts = ready.split(" ");
        URI orders = URI.create(parts[1] + "/v1/customers/" + parts[2] + "/orders?include_price=true"
                + "&include_system_purchases=true");
        long childHeap = Long.parseLong(parts[3]);
        assertThat(childHeap).isLessThanOrEqualTo(HEAP_BYTES);

        try {
            readAndCheck(sandbox, orders, childHeap);
        } catch (IOException failed) {
            throw new AssertionError("the body did not come through; the sandbox " + (child.isAlive() ? "is alive"
                    : "exited with " + child.exitValue()) + ", its stderr: " + Files.readString(log), failed);
        }
        sandbox.in().close();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("stderr: %s", Files.readString(log)).isZero();
    }

    private void readAndCheck(Child sandbox, URI orders, long childHeap) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = Http.client().send(HttpRequest.newBuilder(orders)
                        .timeout(Duration.ofSeconds(120)).header("Authorization", Http.TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);

        long totalCount = -1;
        long items = 0;
        long lineItems = 0;
        long[] whilePaused = null;
        long readWhenPaused = 0;
        try (CountingStream body = new CountingStream(response.body());
             JsonParser json = new JsonFactory().createParser(body)) {
            assertThat(json.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if ("totalCount".equals(field)) {
                    assertThat(items).as("totalCount comes before the items").isZero();
                    totalCount = json.getLongValue();
                } else if ("items".equals(field)) {
                    assertThat(json.currentToken()).isEqualTo(JsonToken.START_ARRAY);
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        items++;
                        lineItems += countLineItems(json);
                        if (items == 1_000) {
                            // Stop reading for a while: a server that ignored back-pressure would go on
                            // producing the body into its memory meanwhile.
                            Thread.sleep(2_000);
                            readWhenPaused = body.count;
                            whilePaused = stats(sandbox);
                        }
                    }
                    assertThat(json.currentToken()).isEqualTo(JsonToken.END_ARRAY);
                } else {
                    json.skipChildren();
                }
            }
            assertThat(json.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(json.nextToken()).isNull();
            long received = body.count;

            assertThat(totalCount).isEqualTo(ORDERS);
            assertThat(items).isEqualTo(ORDERS);
            assertThat(lineItems).isEqualTo(ORDERS);
            assertThat(child.isAlive()).as("the sandbox survived the body in %s of heap", HEAP).isTrue();

            long[] served = stats(sandbox);
            long bodyBytes = served[1];
            long chunks = served[2];
            long largestChunk = served[3];
            assertThat(served[0]).isEqualTo(1);
            assertThat(bodyBytes).isEqualTo(received);
            assertThat(received).as("the body dwarfs the child's heap").isGreaterThan(2 * childHeap);
            assertThat(largestChunk).isLessThanOrEqualTo(LARGEST_CHUNK_BOUND);
            assertThat(chunks).isGreaterThanOrEqualTo(received / LARGEST_CHUNK_BOUND);
            assertThat(whilePaused[1] - readWhenPaused).as("bytes produced ahead of the paused reader")
                    .isLessThan(IN_FLIGHT_BOUND);

            String figures = String.format("body %,d bytes in %,d chunks, largest %,d; ahead of the paused reader %,d;"
                    + " child heap %,d", received, chunks, largestChunk, whilePaused[1] - readWhenPaused, childHeap);
            org.slf4j.LoggerFactory.getLogger(VolumeTest.class).info(figures);
        }
    }

    /** Reads one order (the parser is on its START_OBJECT) to its end; returns how many line items it had. */
    private static long countLineItems(JsonParser json) throws IOException {
        long lines = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if ("lineItems".equals(field) && value == JsonToken.START_ARRAY) {
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    lines++;
                    json.skipChildren();
                }
            } else {
                json.skipChildren();
            }
        }
        return lines;
    }
}
