package dev.pcorders.adapter.http.wire;

/**
 * A value in a payload that breaks the contract, with the JSON path where it was found.
 * Internal to decoding: the decoder turns it into the port's MalformedResponse.
 */
public final class WireFormatViolation extends RuntimeException {

    private final String location;

    public WireFormatViolation(String message, String location, Throwable cause) {
        super(message, cause);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
