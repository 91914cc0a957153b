package dev.pcorders.application.shared.port.in;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why one customer's sync failed, in terms a caller can act on and show. Carries Partner Center's
 * status, error code and the request ids a support ticket needs, never a credential.
 */
public record SyncFailure(
        Kind kind,
        String message,
        OptionalInt httpStatus,
        Optional<String> errorCode,
        Optional<String> correlationId,
        Optional<String> requestId) {

    /** The families of failure; {@link #isTransient()} says which are worth retrying later. */
    public enum Kind {
        BAD_REQUEST(false),
        UNAUTHORIZED(false),
        FORBIDDEN(false),
        NOT_FOUND(false),
        CONFLICT(false),
        THROTTLED(true),
        UNAVAILABLE(true),
        MALFORMED_RESPONSE(false);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        public boolean isTransient() {
            return transientFailure;
        }
    }

    public SyncFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(httpStatus, "httpStatus");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(requestId, "requestId");
    }

    public boolean isTransient() {
        return kind.isTransient();
    }
}
