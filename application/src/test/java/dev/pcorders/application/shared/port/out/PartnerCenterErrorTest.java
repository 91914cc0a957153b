package dev.pcorders.application.shared.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PartnerCenterErrorTest {

    @Test
    void theSummaryJoinsWhatIsKnownWithSingleSpaces() {
        assertThat(error(OptionalInt.of(429), "throttled", "c-1", "r-1").summary())
                .isEqualTo("HTTP 429, code throttled [MS-CorrelationId c-1] [MS-RequestId r-1]");
        assertThat(error(OptionalInt.empty(), null, "c-1", "r-1").summary())
                .as("no status, as after a connection reset").isEqualTo("[MS-CorrelationId c-1] [MS-RequestId r-1]");
        assertThat(error(OptionalInt.empty(), null, null, "r-1").summary()).isEqualTo("[MS-RequestId r-1]");
    }

    @Test
    void anExceptionWithNothingKnownHasNoEmptyParentheses() {
        PartnerCenterError nothing = error(OptionalInt.empty(), null, null, null);
        assertThat(new PartnerCenterException.Unavailable("Partner Center did not answer", nothing, null))
                .hasMessage("Partner Center did not answer");
        assertThat(new PartnerCenterException.Unavailable("Partner Center did not answer",
                error(OptionalInt.empty(), null, "c-1", null), null))
                .hasMessage("Partner Center did not answer ([MS-CorrelationId c-1])");
    }

    private static PartnerCenterError error(OptionalInt status, String code, String correlationId, String requestId) {
        return new PartnerCenterError(status, Optional.ofNullable(code), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.ofNullable(correlationId), Optional.ofNullable(requestId), Optional.empty(),
                Optional.empty());
    }
}
