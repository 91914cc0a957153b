package dev.pcorders.sandbox;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * A ResourceCollection of orders produced a chunk at a time: each {@link #nextChunk()} generates just
 * enough orders to fill about {@link #CHUNK_BYTES}, so serving a customer with a million orders holds one
 * chunk in memory, never the body. The HTTP server and {@link SandboxData#writeOrders} both read it.
 */
final class CollectionBody {

    /** Bytes per chunk, give or take one order. */
    static final int CHUNK_BYTES = 32 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** The next page's link: its uri and the headers to replay. */
    record NextLink(String uri, List<WireWriter.Header> headers) {
    }

    private static final class ChunkBuffer extends ByteArrayOutputStream {
        ChunkBuffer() {
            super(CHUNK_BYTES + 8 * 1024);
        }

        byte[] take() {
            byte[] chunk = toByteArray();
            reset();
            return chunk;
        }
    }

    private final OrderGenerator generator;
    private final OrderPage page;
    private final String selfUri;
    private final Optional<NextLink> next;
    private final ChunkBuffer buffer = new ChunkBuffer();
    private final JsonGenerator json;
    private int cursor;
    private boolean started;
    private boolean finished;

    CollectionBody(OrderGenerator generator, OrderPage page, String selfUri, Optional<NextLink> next) {
        this.generator = generator;
        this.page = page;
        this.selfUri = selfUri;
        this.next = next;
        this.cursor = page.fromIndex();
        try {
            this.json = JSON.createGenerator(buffer, JsonEncoding.UTF8);
        } catch (IOException cannotHappenInMemory) {
            throw new UncheckedIOException(cannotHappenInMemory);
        }
    }

    /** The next piece of the body, or null once it has all been produced. */
    byte[] nextChunk() {
        if (finished) {
            return null;
        }
        try {
            if (!started) {
                started = true;
                json.writeStartObject();
                json.writeNumberField("totalCount", page.count());
                json.writeArrayFieldStart("items");
            }
            boolean includePrice = page.query().includePrice();
            while (cursor < page.toIndex() && buffer.size() < CHUNK_BYTES) {
                int index = cursor++;
                if (generator.traits(page.customerIndex(), index).matches(page.query())) {
                    WireWriter.writeOrder(json, generator.order(page.customerIndex(), index), includePrice);
                    json.flush();
                }
            }
            if (cursor >= page.toIndex()) {
                writeEnd();
                finished = true;
                json.close();
            }
            json.flush();
            return buffer.take();
        } catch (IOException cannotHappenInMemory) {
            throw new UncheckedIOException(cannotHappenInMemory);
        }
    }

    private void writeEnd() throws IOException {
        json.writeEndArray();
        json.writeObjectFieldStart("links");
        WireWriter.writeLink(json, "self", selfUri, "GET", List.of());
        if (next.isPresent()) {
            WireWriter.writeLink(json, "next", next.get().uri(), "GET", next.get().headers());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("attributes");
        json.writeStringField("objectType", "Collection");
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Writes the whole body to {@code out}, a chunk at a time; returns the number of bytes written. */
    long writeTo(OutputStream out) throws IOException {
        long written = 0;
        for (byte[] chunk = nextChunk(); chunk != null; chunk = nextChunk()) {
            out.write(chunk);
            written += chunk.length;
        }
        return written;
    }
}
