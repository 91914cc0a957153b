package dev.pcorders.application.shared.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a call to Partner Center did not give what it was asked for. The gateway translates every transport, status
 * and decoding failure into one of these, so no HTTP client or JSON type crosses the port. Messages
 * never contain the bearer token.
 */
public abstract sealed class PartnerCenterException extends RuntimeException {

    private final PartnerCenterError error;
    private final Family family;

    // Each subtype names its family here, so a new subtype cannot be written without one.
    private PartnerCenterException(Family family, String message, PartnerCenterError error, Throwable cause) {
        super(error.summary().isEmpty() ? message : message + " (" + error.summary() + ")", cause);
        this.error = Objects.requireNonNull(error, "error");
        this.family = Objects.requireNonNull(family, "family");
    }

    public PartnerCenterError error() {
        return error;
    }

    /** True for the failures worth trying again later (throttling, outages), as opposed to refusals. */
    public final boolean isTransient() {
        return family.isTransient();
    }

    /**
     * Which of the subtypes this is, as a value a {@code switch} can be checked against: a switch expression
     * over it without {@code default} stops compiling when a subtype (and its family) is added.
     */
    public final Family family() {
        return family;
    }

    /** One constant per subtype, with whether such a failure is worth trying again later. */
    public enum Family {
        BAD_REQUEST(false),
        UNAUTHORIZED(false),
        FORBIDDEN(false),
        NOT_FOUND(false),
        CONFLICT(false),
        THROTTLED(true),
        UNAVAILABLE(true),
        MALFORMED_RESPONSE(false);

        private final boolean transientFailure;

        Family(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        public boolean isTransient() {
            return transientFailure;
        }
    }

    /** 400: the request was invalid; retrying it unchanged cannot help. */
    public static final class BadRequest extends PartnerCenterException {
        public BadRequest(String message, PartnerCenterError error) {
            super(Family.BAD_REQUEST, message, error, null);
        }
    }

    /** 401 even after one token refresh. */
    public static final class Unauthorized extends PartnerCenterException {
        public Unauthorized(String message, PartnerCenterError error) {
            super(Family.UNAUTHORIZED, message, error, null);
        }
    }

    /** 403: authenticated, but not allowed (e.g. code 20002, no commerce relationship with the customer). */
    public static final class Forbidden extends PartnerCenterException {
        public Forbidden(String message, PartnerCenterError error) {
            super(Family.FORBIDDEN, message, error, null);
        }
    }

    /** 404: e.g. code 60003, the customer's tenant was not found. */
    public static final class NotFound extends PartnerCenterException {
        public NotFound(String message, PartnerCenterError error) {
            super(Family.NOT_FOUND, message, error, null);
        }
    }

    /** 409 (and 412): the request conflicts with the resource's state. */
    public static final class Conflict extends PartnerCenterException {
        public Conflict(String message, PartnerCenterError error) {
            super(Family.CONFLICT, message, error, null);
        }
    }

    /** 429 still answered when the retry budget ran out. */
    public static final class Throttled extends PartnerCenterException {
        public Throttled(String message, PartnerCenterError error) {
            super(Family.THROTTLED, message, error, null);
        }
    }

    /** 5xx, 408, timeouts and dropped connections that outlasted the retries. */
    public static final class Unavailable extends PartnerCenterException {
        public Unavailable(String message, PartnerCenterError error, Throwable cause) {
            super(Family.UNAVAILABLE, message, error, cause);
        }
    }

    /**
     * A body that is not the contract: invalid JSON, a value of the wrong type, an HTML or XML page
     * where JSON was due. {@code location} says where (a JSON path, a line and column) when known.
     */
    public static final class MalformedResponse extends PartnerCenterException {
        private final Optional<String> location;

        public MalformedResponse(String message, Optional<String> location, PartnerCenterError error, Throwable cause) {
            super(Family.MALFORMED_RESPONSE, location.map(where -> message + " at " + where).orElse(message), error, cause);
            this.location = location;
        }

        public Optional<String> location() {
            return location;
        }
    }
}
