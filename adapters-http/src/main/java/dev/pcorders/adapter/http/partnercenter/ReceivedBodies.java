package dev.pcorders.adapter.http.partnercenter;

import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** The body of a response from the raw client: as it arrives for a 2xx, whole and bounded for an error. */
final class ReceivedBodies {

    /** Error bodies are short JSON or an HTML page, and only a snippet of them is ever shown. */
    static final int ERROR_BODY_BYTES = 1024 * 1024;

    private ReceivedBodies() {
    }

    /** The body's bytes as they arrive; closing the stream releases the response and its connection. */
    static InputStream arriving(HttpResponse<?> response) {
        if (!(response instanceof ByteBodyHttpResponse<?> raw)) {
            // Only a client filter would replace the raw response; its body was then read already.
            return new ByteArrayInputStream(response.getBody(byte[].class).orElse(new byte[0]));
        }
        return new FilterInputStream(raw.byteBody().toInputStream()) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    raw.close();
                }
            }
        };
    }

    /**
     * The first {@value #ERROR_BODY_BYTES} bytes of an error body; the rest is dropped with the connection. A
     * connection that fails part-way is a transport failure, retried like one.
     */
    static byte[] errorBody(HttpResponse<?> response) {
        try (InputStream body = arriving(response)) {
            return body.readNBytes(ERROR_BODY_BYTES);
        } catch (IOException e) {
            throw new HttpClientException("the connection failed while an error body was read: " + e.getMessage(), e);
        }
    }
}
