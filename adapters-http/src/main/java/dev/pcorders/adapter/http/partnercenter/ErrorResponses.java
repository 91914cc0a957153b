package dev.pcorders.adapter.http.partnercenter;

import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.port.out.PartnerCenterException.BadRequest;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Conflict;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Forbidden;
import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import dev.pcorders.application.shared.port.out.PartnerCenterException.NotFound;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Throttled;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Unauthorized;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Unavailable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a non-2xx response into the port's typed exception. Reads both error shapes Partner Center
 * uses, {@code {code, description, data, source}} (code a string or a number) and
 * {@code {statusCode, message}}; anything else (XML, an HTML error page, an empty body) becomes "no
 * detail" plus a short, escaped snippet of the body, never a parser exception.
 */
final class ErrorResponses {

    private static final int SNIPPET_CHARS = 200;
    private static final int MAX_DESCRIPTION_CHARS = 1024;

    private ErrorResponses() {
    }

    static PartnerCenterException toException(PartnerCenterResponse response, String what) {
        PartnerCenterError error = describe(response);
        int status = response.status();
        String message = what + " failed with HTTP " + status;
        if (status == 400) {
            return new BadRequest(message + ": Partner Center rejected the request as invalid", error);
        }
        if (status == 401) {
            return new Unauthorized(message + ": the access token was refused, also after one refresh", error);
        }
        if (status == 403) {
            return new Forbidden(message + ": the partner is not allowed to read this", error);
        }
        if (status == 404) {
            return new NotFound(message + ": not found", error);
        }
        if (status == 409 || status == 412) {
            return new Conflict(message + ": conflict with the resource's state", error);
        }
        if (status == 429) {
            return new Throttled(message + ": still throttled when the retry budget ran out", error);
        }
        if (status == 408 || (status >= 500 && status <= 599)) {
            return new Unavailable(message + ": Partner Center is unavailable and the retry budget ran out", error, null);
        }
        if (status >= 300 && status < 400) {
            // Redirects are never followed: the bearer token must not travel to wherever they point.
            return new MalformedResponse(message + ": a redirect, which this client does not follow", Optional.empty(), error, null);
        }
        if (status >= 400 && status <= 499) {
            return new BadRequest(message + ": Partner Center refused the request", error);
        }
        return new MalformedResponse(message + ": not a status this client understands", Optional.empty(), error, null);
    }

    static PartnerCenterError describe(PartnerCenterResponse response) {
        byte[] body = response.body();
        if (body.length == 0) {
            return response.describe();
        }
        Optional<JsonNode> json = response.isJson() ? parseObject(body) : Optional.empty();
        if (json.isEmpty()) {
            String kind = response.contentType().orElse("no content type");
            return response.describe(Optional.empty(), Optional.of("unreadable " + kind + " body: " + snippet(body)),
                    List.of(), Optional.empty());
        }
        JsonNode node = json.get();
        Optional<String> code = scalar(field(node, "code"));
        Optional<String> description = scalar(field(node, "description")).or(() -> scalar(field(node, "message")));
        if (code.isEmpty() && description.isEmpty() && field(node, "error").isPresent()) {
            // Some gateways in front of the service wrap the body as {"error": {"code", "message"}}.
            JsonNode inner = field(node, "error").get();
            code = scalar(field(inner, "code"));
            description = scalar(field(inner, "message")).or(() -> scalar(field(inner, "description")));
        }
        return response.describe(code, description.map(ErrorResponses::bounded), data(field(node, "data")),
                scalar(field(node, "source")));
    }

    private static Optional<JsonNode> parseObject(byte[] body) {
        try {
            JsonNode node = ObjectMapper.getDefault().readValue(body, Argument.of(JsonNode.class));
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // Property names are matched without regard to case: the service writes PascalCase in places.
    private static Optional<JsonNode> field(JsonNode object, String name) {
        if (!object.isObject()) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.ofNullable(entry.getValue()).filter(value -> !value.isNull());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> scalar(Optional<JsonNode> node) {
        return node.flatMap(value -> {
            if (value.isString()) {
                return Optional.of(value.getStringValue());
            }
            if (value.isNumber()) {
                return Optional.of(value.getNumberValue().toString());
            }
            if (value.isBoolean()) {
                return Optional.of(Boolean.toString(value.getBooleanValue()));
            }
            return Optional.empty();
        });
    }

    private static List<String> data(Optional<JsonNode> node) {
        if (node.isEmpty()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        if (node.get().isArray()) {
            for (JsonNode element : node.get().values()) {
                asText(element).ifPresent(values::add);
            }
        } else {
            asText(node.get()).ifPresent(values::add);
        }
        return values;
    }

    private static Optional<String> asText(JsonNode node) {
        Optional<String> scalar = scalar(Optional.of(node));
        if (scalar.isPresent() || node.isNull()) {
            return scalar;
        }
        try {
            return Optional.of(bounded(ObjectMapper.getDefault().writeValueAsString(node)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String bounded(String text) {
        return text.length() > MAX_DESCRIPTION_CHARS ? text.substring(0, MAX_DESCRIPTION_CHARS) + "..." : text;
    }

    /** The start of a body as text, control characters escaped, undecodable bytes replaced. */
    static String snippet(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(SNIPPET_CHARS);
        ByteBuffer input = ByteBuffer.wrap(body, 0, Math.min(body.length, SNIPPET_CHARS * 4));
        decoder.decode(input, chars, true);
        chars.flip();
        StringBuilder shown = new StringBuilder(chars.length() + 8);
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                shown.append(' ');
            } else if (c < 0x20 || c == 0x7f) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        // Bytes, not characters: a short body of multi-byte characters is shown whole, without a false "...".
        if (input.position() < body.length) {
            shown.append("...");
        }
        return shown.toString();
    }
}
