package dev.pcorders.adapter.http.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BillingTypeEncodingTest {

    @Test
    void aConfiguredEncodingIsReadWhateverItsCaseAndSpacesAndAnUnknownOneIsRefused() {
        assertThat(BillingTypeEncoding.parse(" Name ")).isEqualTo(BillingTypeEncoding.NAME);
        assertThat(BillingTypeEncoding.parse("integer")).isEqualTo(BillingTypeEncoding.INTEGER);
        assertThatThrownBy(() -> BillingTypeEncoding.parse("string")).isInstanceOf(IllegalArgumentException.class);
    }
}
