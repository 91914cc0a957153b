package dev.pcorders.adapter.http.partnercenter;

import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A response as it came off the wire: status, content type, the body and the ids that identify the
 * request to Microsoft. A 2xx body is streamed: it is read while it arrives and never held whole, so a
 * customer's unpaged answer of any size passes in bounded memory. Error bodies are small and read whole.
 * Close it to release the connection.
 */
public final class PartnerCenterResponse implements AutoCloseable {

    private final URI uri;
    private final int status;
    private final Optional<String> contentType;
    private final byte[] body;
    private final ArrivingBody arriving;
    private final RequestIds ids;
    private final Optional<Duration> retryAfter;

    private PartnerCenterResponse(URI uri, int status, Optional<String> contentType, byte[] body,
            InputStream connection, long maxBytes, Duration partTimeout, long sentAtNanos, RequestIds ids,
            Optional<Duration> retryAfter) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.status = status;
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.body = body;
        this.arriving = connection == null ? null : new ArrivingBody(connection, maxBytes, this, partTimeout, sentAtNanos);
        this.ids = Objects.requireNonNull(ids, "ids");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** A response whose body was read whole (an error, or a body a test hands over). */
    static PartnerCenterResponse buffered(URI uri, int status, Optional<String> contentType, byte[] body, RequestIds ids,
            Optional<Duration> retryAfter) {
        return new PartnerCenterResponse(uri, status, contentType, Objects.requireNonNull(body, "body"), null, 0, null, 0,
                ids, retryAfter);
    }

    /**
     * A response whose body is read from {@code connection} as it arrives, failing past {@code maxBytes}, and when a
     * part takes longer than {@code partTimeout}: the first part counted from {@code sentAtNanos} (System.nanoTime()).
     */
    static PartnerCenterResponse streamed(URI uri, int status, Optional<String> contentType, InputStream connection,
            long maxBytes, Duration partTimeout, long sentAtNanos, RequestIds ids, Optional<Duration> retryAfter) {
        return new PartnerCenterResponse(uri, status, contentType, null, Objects.requireNonNull(connection, "connection"),
                maxBytes, Objects.requireNonNull(partTimeout, "partTimeout"), sentAtNanos, ids, retryAfter);
    }

    /** The correlation id, request id and correlation vector of one attempt. */
    public record RequestIds(Optional<String> correlationId, Optional<String> requestId, Optional<String> correlationVector) {
        public RequestIds {
            Objects.requireNonNull(correlationId, "correlationId");
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(correlationVector, "correlationVector");
        }
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public Optional<String> contentType() {
        return contentType;
    }

    public RequestIds ids() {
        return ids;
    }

    /**
     * The body as a stream of bytes, never a String on the way; for a 2xx response, the bytes as they arrive,
     * to be read once. Its read throws the port's {@code Unavailable} when the connection fails part-way and a
     * {@code MalformedResponse} saying "too large" when the body passes {@code partner-center.max-body-bytes}.
     */
    public InputStream bodyStream() {
        return arriving != null ? arriving : new ByteArrayInputStream(body);
    }

    /** Starts the read timeout of the next part of a streamed body: its bytes are asked for from now on. */
    void startPart() {
        if (arriving != null) {
            arriving.startPart();
        }
    }

    /** Whether the connection failed while the body was being read: the same request may then be tried again. */
    boolean cutInTransit() {
        return arriving != null && arriving.cutInTransit();
    }

    /** {@code GET /v1/customers/...}: how errors about this response name the request. */
    String what() {
        return "GET " + uri.getRawPath();
    }

    /** application/json, text/json or any {@code +json} type; a missing content type counts as JSON. */
    public boolean isJson() {
        return contentType.map(PartnerCenterResponse::isJsonType).orElse(true);
    }

    static boolean isJsonType(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.equals("text/json") || type.endsWith("+json");
    }

    /** A buffered body; a streamed one has no bytes to hand out here. */
    byte[] body() {
        return body == null ? new byte[0] : body;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** What is known about this response, for an exception: status, content type, ids, Retry-After. */
    public PartnerCenterError describe() {
        return describe(Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    PartnerCenterError describe(Optional<String> code, Optional<String> description, List<String> data, Optional<String> source) {
        return new PartnerCenterError(OptionalInt.of(status), code, description, data, source, contentType,
                ids.correlationId(), ids.requestId(), ids.correlationVector(), retryAfter);
    }

    /** A MalformedResponse for this response: the body is not what the contract promised. */
    public MalformedResponse malformed(String message, Optional<String> location, Throwable cause) {
        return new MalformedResponse(message, location, describe(), cause);
    }

    /** Releases the connection; the part of a streamed body not read yet is discarded. */
    @Override
    public void close() {
        if (arriving != null) {
            try {
                arriving.close();
            } catch (IOException | RuntimeException e) {
                // Nothing more is wanted from this connection; failing to close it changes no outcome.
            }
        }
    }

    @Override
    public String toString() {
        return "PartnerCenterResponse[" + status + " " + contentType.orElse("no content type") + ", "
                + (body == null ? "streamed body" : body.length + " bytes") + " from " + uri.getRawPath() + "]";
    }
}
