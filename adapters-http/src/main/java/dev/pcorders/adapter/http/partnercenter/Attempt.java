package dev.pcorders.adapter.http.partnercenter;

import dev.pcorders.application.shared.port.out.PartnerCenterException.Unavailable;

/**
 * What one attempt of {@link PartnerCenterHttp}'s GET came to: a response, or the transport failure that stopped one
 * (or the first part of its body) from arriving. Exactly one of the two is set.
 */
record Attempt(PartnerCenterResponse response, RuntimeException failure) {

    static Attempt of(PartnerCenterResponse response) {
        return new Attempt(response, null);
    }

    static Attempt failed(RuntimeException failure) {
        return new Attempt(null, failure);
    }

    String failureDescription() {
        return failure instanceof Unavailable cutOff ? cutOff.getMessage() : PartnerCenterHttp.describeFailure(failure);
    }
}
