package dev.pcorders.application.shared.port.out;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything Partner Center said about a failed request, for the person who has to open a support
 * ticket: the status, Partner Center's error code and description, and the ids that let Microsoft
 * find the request. Never holds a credential.
 */
public record PartnerCenterError(
        OptionalInt httpStatus,
        Optional<String> code,
        Optional<String> description,
        List<String> data,
        Optional<String> source,
        Optional<String> contentType,
        Optional<String> correlationId,
        Optional<String> requestId,
        Optional<String> correlationVector,
        Optional<Duration> retryAfter) {

    public PartnerCenterError {
        Objects.requireNonNull(httpStatus, "httpStatus");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        data = List.copyOf(data);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(correlationVector, "correlationVector");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** An error with only a status, e.g. when the body said nothing usable. */
    public static PartnerCenterError ofStatus(int status) {
        return new PartnerCenterError(OptionalInt.of(status), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** One line for a log or a terminal: status, code, description and the ids, whichever are known. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        httpStatus.ifPresent(status -> text.append("HTTP ").append(status));
        code.ifPresent(value -> text.append(text.length() > 0 ? ", " : "").append("code ").append(value));
        description.ifPresent(value -> text.append(text.length() > 0 ? ": " : "").append(value));
        correlationId.ifPresent(value -> text.append(text.length() > 0 ? " " : "").append("[MS-CorrelationId ").append(value).append(']'));
        requestId.ifPresent(value -> text.append(text.length() > 0 ? " " : "").append("[MS-RequestId ").append(value).append(']'));
        return text.toString();
    }
}
