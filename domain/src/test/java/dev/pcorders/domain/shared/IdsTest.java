package dev.pcorders.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void customerIdsAcceptEitherCaseAndPrintLowerCase() {
        CustomerId upper = CustomerId.parse("4A1A8BD8-6E0F-4C3B-9D7B-2F3E5D6C7B8A");
        assertThat(upper).isEqualTo(CustomerId.parse("4a1a8bd8-6e0f-4c3b-9d7b-2f3e5d6c7b8a"));
        assertThat(upper.toString()).isEqualTo("4a1a8bd8-6e0f-4c3b-9d7b-2f3e5d6c7b8a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1-1-1-1-1", "../x", "a/b", "%2e%2e", "4a1a8bd8-6e0f-4c3b-9d7b-2f3e5d6c7b8a/orders",
            "{4a1a8bd8-6e0f-4c3b-9d7b-2f3e5d6c7b8a}", " 4a1a8bd8-6e0f-4c3b-9d7b-2f3e5d6c7b8a"})
    void anythingButAGuidIsRejectedSayingWhatWasGiven(String text) {
        assertThatThrownBy(() -> CustomerId.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customer id must be a GUID");
        assertThatThrownBy(() -> ResellerId.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHugeOrControlCharacterInputIsQuotedSafelyAndShortened() {
        String huge = "x".repeat(10_000);
        assertThatThrownBy(() -> CustomerId.parse(huge))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
        assertThatThrownBy(() -> CustomerId.parse("line\nbreak"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> CustomerId.parse(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("required");
    }

    @Test
    void correlationIdsAreNeverBlank() {
        assertThat(CorrelationId.random()).isNotEqualTo(CorrelationId.random());
        assertThatThrownBy(() -> CorrelationId.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
