package dev.pcorders.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.io.ByteArrayOutputStream;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/** Partner Center's response headers and error bodies, in the two shapes the service sends. */
final class Responses {

    static final String CORRELATION_ID = "MS-CorrelationId";
    static final String REQUEST_ID = "MS-RequestId";
    static final String CORRELATION_VECTOR = "MS-CV";
    static final String SERVER_ID = "MS-ServerId";
    static final MediaType JSON = MediaType.of("application/json; charset=utf-8");
    private static final MediaType HTML = MediaType.of("text/html; charset=utf-8");
    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    /** The tracing headers of one request, echoed on whatever the answer is. */
    record Echo(String correlationId, String requestId, String correlationVector) {

        static Echo of(HttpRequest<?> request) {
            String correlation = header(request, CORRELATION_ID).orElseGet(() -> UUID.randomUUID().toString());
            String requestId = header(request, REQUEST_ID).orElseGet(() -> UUID.randomUUID().toString());
            String vector = header(request, CORRELATION_VECTOR)
                    .orElseGet(() -> UUID.randomUUID().toString().replace("-", "").substring(0, 22) + ".0");
            return new Echo(correlation, requestId, vector);
        }

        <T> MutableHttpResponse<T> applyTo(MutableHttpResponse<T> response) {
            return response.header(CORRELATION_ID, correlationId)
                    .header(REQUEST_ID, requestId)
                    .header(CORRELATION_VECTOR, correlationVector)
                    .header(SERVER_ID, "pc-orders-sandbox");
        }
    }

    private Responses() {
    }

    static Optional<String> header(HttpRequest<?> request, String name) {
        return Optional.ofNullable(request.getHeaders().get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** The documented body {@code {code, description, data, source}}. */
    static MutableHttpResponse<Publisher<byte[]>> error(Echo echo, HttpStatus status, String code, String description) {
        byte[] body = json(json -> {
            json.writeStartObject();
            json.writeStringField("code", code);
            json.writeStringField("description", description);
            json.writeArrayFieldStart("data");
            json.writeEndArray();
            json.writeStringField("source", "PartnerFD");
            json.writeEndObject();
        });
        return echo.applyTo(HttpResponse.status(status).body(chunk(body)).contentType(JSON));
    }

    static MutableHttpResponse<Publisher<byte[]>> unauthorized(Echo echo, String code, String description) {
        return error(echo, HttpStatus.UNAUTHORIZED, code, description)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"pc-orders-sandbox\", error=\"invalid_token\", "
                        + "error_description=\"" + description.replace("\"", "'") + "\"");
    }

    /** The throttling shape {@code {statusCode, message}}, as in the published 429 sample. */
    static MutableHttpResponse<Publisher<byte[]>> throttled(Echo echo, int retryAfterSeconds) {
        byte[] body = json(json -> {
            json.writeStartObject();
            json.writeNumberField("statusCode", 429);
            json.writeStringField("message", "Rate limit is exceeded. Try again in " + retryAfterSeconds + " seconds.");
            json.writeEndObject();
        });
        return echo.applyTo(HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).body(chunk(body)).contentType(JSON))
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
    }

    /** An HTML error page, as a gateway in front of the service sends one. */
    static MutableHttpResponse<Publisher<byte[]>> html(Echo echo, HttpStatus status) {
        String page = "<!DOCTYPE html>\r\n<html><head><title>" + status.getCode() + " " + status.getReason()
                + "</title></head>\r\n<body><h1>" + status.getReason() + "</h1>\r\n"
                + "<p>The service is not available right now. Please try again later.</p></body></html>\r\n";
        return echo.applyTo(HttpResponse.status(status).body(chunk(page.getBytes(StandardCharsets.UTF_8))).contentType(HTML));
    }

    /** The OAuth 2.0 error body Entra ID sends from its token endpoint. */
    static MutableHttpResponse<Publisher<byte[]>> tokenError(HttpStatus status, String error, int aadstsCode, String description) {
        byte[] body = json(json -> {
            json.writeStartObject();
            json.writeStringField("error", error);
            json.writeStringField("error_description", "AADSTS" + aadstsCode + ": " + description);
            json.writeArrayFieldStart("error_codes");
            json.writeNumber(aadstsCode);
            json.writeEndArray();
            json.writeStringField("trace_id", UUID.randomUUID().toString());
            json.writeStringField("correlation_id", UUID.randomUUID().toString());
            json.writeEndObject();
        });
        return HttpResponse.status(status).body(chunk(body)).contentType(JSON);
    }

    /**
     * Every body is a publisher of byte arrays, the type Micronaut streams verbatim; with any other
     * declared type it would wrap a streamed JSON body in an array of its own.
     */
    static Publisher<byte[]> chunk(byte[] body) {
        return Flux.just(body);
    }

    interface JsonBody {
        void write(JsonGenerator json) throws IOException;
    }

    static byte[] json(JsonBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON_FACTORY.createGenerator(out)) {
            body.write(json);
        } catch (IOException cannotHappenInMemory) {
            throw new UncheckedIOException(cannotHappenInMemory);
        }
        return out.toByteArray();
    }
}
