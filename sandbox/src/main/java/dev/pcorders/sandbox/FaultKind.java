package dev.pcorders.sandbox;

/** What the sandbox can do to a request instead of (or on top of) answering it normally. */
public enum FaultKind {
    /** Answer normally. Useful as a gap in a {@link FaultPlan#schedule(FaultKind...) schedule}. */
    NONE,
    /** 429 with {@code Retry-After} and the throttling body {@code {"statusCode":429,"message":...}}. */
    THROTTLED,
    /** 500 with the documented JSON error body. */
    INTERNAL_ERROR_JSON,
    /** 500 with an HTML page, as a proxy in front of the service would send. */
    INTERNAL_ERROR_HTML,
    /** 503 with the documented JSON error body and {@code Retry-After}. */
    UNAVAILABLE_JSON,
    /** 503 with an HTML page and {@code Retry-After}. */
    UNAVAILABLE_HTML,
    /** The normal answer, sent after {@link FaultPlan#delay()}. */
    DELAY,
    /** The TCP connection is reset before any byte of a response is sent. */
    CONNECTION_RESET,
    /** A 200 whose body stops in the middle of the JSON and whose connection is then closed. */
    TRUNCATED_BODY,
    /** 401 as for an expired access token, so a client's refresh-once path can be exercised. */
    TOKEN_EXPIRED,
    /** 403 with code 20002, as when the partner has no commerce relationship with the customer. */
    FORBIDDEN
}
