package dev.pcorders.adapter.persistence.ledger;

import static dev.pcorders.adapter.persistence.ledger.LedgerFiles.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.shared.CustomerId;
import org.junit.jupiter.api.Test;

class RepeatedValuesTest {

    private final RepeatedValues repeated = new RepeatedValues();

    @Test
    void givesWhatParsingGivesEveryTimeItIsAsked() {
        for (int i = 0; i < 3; i++) {
            assertThat(repeated.customer(CUSTOMER)).isEqualTo(CustomerId.parse(CUSTOMER));
            assertThat(repeated.offer("CFQ7TTC0LH18:0001:CFQ7TTC0K5BF")).isEqualTo(OfferId.parse("CFQ7TTC0LH18:0001:CFQ7TTC0K5BF"));
            assertThat(repeated.offer("not an offer")).isEqualTo(OfferId.parse("not an offer"));
        }
    }

    @Test
    void failsAsParsingFailsEveryTimeItIsAsked() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> repeated.customer("not-a-guid")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(messageOf(() -> CustomerId.parse("not-a-guid")));
            assertThatThrownBy(() -> repeated.offer(" ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(messageOf(() -> OfferId.parse(" ")));
        }
    }

    private static String messageOf(Runnable parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a failure");
    }
}
