package dev.pcorders.domain.shared;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A Partner Center link: where a related resource is, how to ask for it, and headers to replay. */
public record Link(String uri, String method, List<Header> headers, Optional<String> body) {

    public Link {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(method, "method");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    public static Link get(String uri) {
        return new Link(uri, "GET", List.of(), Optional.empty());
    }

    /** One header a link asks the caller to send, such as {@code MS-ContinuationToken}. */
    public record Header(String key, String value) {
        public Header {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }
}
