package dev.pcorders.domain.order;

import static dev.pcorders.domain.order.TestOrders.aLineItem;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.pcorders.domain.shared.ResourceAttributes;

import dev.pcorders.domain.shared.Amount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderValidationTest {

    @Test
    void lineItemNumbersMustBeUniqueWithinAnOrder() {
        assertThatThrownBy(() -> anOrder("ord-9").lineItems(List.of(aLineItem(1).build(), aLineItem(1).build())).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ord-9").hasMessageContaining("line item number 1");
    }

    @Test
    void negativeQuantitiesAndLineNumbersAreRejected() {
        assertThatThrownBy(() -> OrderLineItem.builder(0, TestOrders.OFFER, -1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity");
        assertThatThrownBy(() -> OrderLineItem.builder(-1, TestOrders.OFFER, 1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lineItemNumber");
    }

    @Test
    void lineItemsAreCopiedSoTheOrderCannotChangeUnderneath() {
        List<OrderLineItem> items = new ArrayList<>(List.of(aLineItem(0).build()));
        Order order = anOrder().lineItems(items).build();
        items.add(aLineItem(1).build());
        assertThat(order.lineItems()).hasSize(1);
        assertThatThrownBy(() -> order.lineItems().add(aLineItem(2).build()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void blankOrderIdsAreRejected() {
        assertThatThrownBy(() -> OrderId.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFullFixtureKeepsItsAwkwardValues() {
        Order order = TestOrders.aFullOrder("ord-full");
        assertThat(order.billingCycle()).get().extracting(c -> c.raw()).isEqualTo("quadrennial");
        assertThat(order.creationDateAsSent().getOffset().getTotalSeconds()).isEqualTo(-7 * 3600);
        assertThat(order.totalPrice()).contains(Amount.parse("1234.56"));
        assertThat(order.lineItems().get(0).provisioningContext().keySet()).containsExactly("zeta", "alpha");
        assertThat(order.toBuilder().build()).isEqualTo(order);
    }

    @Test
    void differencesIgnoreTheEtagButSeeStatusQuantityAndPrice() {
        Order before = anOrder().build();
        Order etagOnly = before.toBuilder().attributes(new ResourceAttributes(Optional.of("rotated"), Optional.empty())).build();
        assertThat(OrderDifference.between(before, etagOnly)).isEmpty();

        Order after = before.toBuilder()
                .status(OrderStatus.CANCELLED)
                .lineItems(List.of(aLineItem(0).quantity(7).build()))
                .build();
        assertThat(OrderDifference.between(before, after)).extracting(OrderDifference::kind)
                .containsExactly(ChangeKind.STATUS_CHANGED, ChangeKind.QUANTITY_CHANGED);
        assertThat(OrderDifference.between(before, before.toBuilder().totalPrice(Amount.parse("12.5000")).build()))
                .as("5.3 and 5.30 are the same price").isEmpty();
    }
}
