package dev.pcorders.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Line numbers must be distinct in orders of any size: small ones are checked pairwise, large ones with a set. */
class LineNumberUniquenessTest {

    private static List<OrderLineItem> lines(int count) {
        List<OrderLineItem> lines = new ArrayList<>();
        for (int number = 0; number < count; number++) {
            lines.add(OrderLineItem.builder(number, TestOrders.OFFER, 1).build());
        }
        return lines;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 32, 33, 200})
    void aRepeatedNumberIsNamedWhateverTheOrdersSize(int count) {
        List<OrderLineItem> lines = lines(count);
        lines.add(OrderLineItem.builder(count / 2, TestOrders.OFFER, 1).build());

        assertThatThrownBy(() -> TestOrders.anOrder().lineItems(lines).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line item number " + (count / 2) + " more than once");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 32, 33, 200})
    void distinctNumbersAreAccepted(int count) {
        assertThat(TestOrders.anOrder().lineItems(lines(count)).build().lineItems()).hasSize(count);
    }

    @Test
    void anEmptyProvisioningContextIsAnEmptyUnmodifiableMap() {
        OrderLineItem item = OrderLineItem.builder(0, TestOrders.OFFER, 1).provisioningContext(new java.util.HashMap<>()).build();
        assertThat(item.provisioningContext()).isEmpty();
        assertThatThrownBy(() -> item.provisioningContext().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
    }
}
