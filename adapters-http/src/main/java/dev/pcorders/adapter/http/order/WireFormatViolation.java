package dev.pcorders.adapter.http.order;

/**
 * A value in an orders payload that breaks the contract, with the JSON path where it was found.
 * Internal to decoding: the decoder turns it into the port's MalformedResponse.
 */
final class WireFormatViolation extends RuntimeException {

    private final String location;

    WireFormatViolation(String message, String location, Throwable cause) {
        super(message, cause);
        this.location = location;
    }

    String location() {
        return location;
    }
}
