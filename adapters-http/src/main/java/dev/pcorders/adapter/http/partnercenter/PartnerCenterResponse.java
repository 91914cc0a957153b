package dev.pcorders.adapter.http.partnercenter;

import dev.pcorders.application.order.port.out.PartnerCenterError;
import dev.pcorders.application.order.port.out.PartnerCenterException.MalformedResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A response as it came off the wire: status, content type, the raw body and the ids that identify
 * the request to Microsoft. The body stays bytes; resource decoders read it as a stream.
 */
public final class PartnerCenterResponse {

    private final URI uri;
    private final int status;
    private final Optional<String> contentType;
    private final byte[] body;
    private final RequestIds ids;
    private final Optional<Duration> retryAfter;

    PartnerCenterResponse(URI uri, int status, Optional<String> contentType, byte[] body, RequestIds ids,
            Optional<Duration> retryAfter) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.status = status;
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.body = Objects.requireNonNull(body, "body");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
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

    public int bodyLength() {
        return body.length;
    }

    /** The body as a stream over the received bytes; never a String on the way. */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    /** application/json, text/json or any {@code +json} type; a missing content type counts as JSON. */
    public boolean isJson() {
        return contentType.map(PartnerCenterResponse::isJsonType).orElse(true);
    }

    static boolean isJsonType(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.equals("text/json") || type.endsWith("+json");
    }

    byte[] body() {
        return body;
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

    @Override
    public String toString() {
        return "PartnerCenterResponse[" + status + " " + contentType.orElse("no content type") + ", " + body.length
                + " bytes from " + uri.getRawPath() + "]";
    }
}
