package dev.pcorders.application.shared.port.in;

import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
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

        /** No {@code default}: a new kind of Partner Center failure does not compile until it is mapped here. */
        public static Kind of(PartnerCenterException.Family family) {
            return switch (family) {
                case BAD_REQUEST -> BAD_REQUEST;
                case UNAUTHORIZED -> UNAUTHORIZED;
                case FORBIDDEN -> FORBIDDEN;
                case NOT_FOUND -> NOT_FOUND;
                case CONFLICT -> CONFLICT;
                case THROTTLED -> THROTTLED;
                case UNAVAILABLE -> UNAVAILABLE;
                case MALFORMED_RESPONSE -> MALFORMED_RESPONSE;
            };
        }
    }

    /** The failure a caller sees for {@code failure}: its kind, message and the ids a support ticket needs. */
    public static SyncFailure of(PartnerCenterException failure) {
        PartnerCenterError error = failure.error();
        return new SyncFailure(Kind.of(failure.family()), failure.getMessage(), error.httpStatus(), error.code(),
                error.correlationId(), error.requestId());
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
