package dev.pcorders.application.shared.sync;

import dev.pcorders.application.shared.port.in.SyncFailure;
import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;

/** A Partner Center failure as the caller of a sync sees it. */
final class SyncFailures {

    private SyncFailures() {
    }

    /** Its kind, message and the ids a support ticket needs; never a credential (the exception carries none). */
    static SyncFailure of(PartnerCenterException failure) {
        PartnerCenterError error = failure.error();
        return new SyncFailure(kindOf(failure.family()), failure.getMessage(), error.httpStatus(), error.code(),
                error.correlationId(), error.requestId());
    }

    /** No {@code default}: a new kind of Partner Center failure does not compile until it is mapped here. */
    static SyncFailure.Kind kindOf(PartnerCenterException.Family family) {
        return switch (family) {
            case BAD_REQUEST -> SyncFailure.Kind.BAD_REQUEST;
            case UNAUTHORIZED -> SyncFailure.Kind.UNAUTHORIZED;
            case FORBIDDEN -> SyncFailure.Kind.FORBIDDEN;
            case NOT_FOUND -> SyncFailure.Kind.NOT_FOUND;
            case CONFLICT -> SyncFailure.Kind.CONFLICT;
            case THROTTLED -> SyncFailure.Kind.THROTTLED;
            case UNAVAILABLE -> SyncFailure.Kind.UNAVAILABLE;
            case MALFORMED_RESPONSE -> SyncFailure.Kind.MALFORMED_RESPONSE;
        };
    }
}
