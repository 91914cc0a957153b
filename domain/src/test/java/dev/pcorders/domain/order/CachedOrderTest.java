package dev.pcorders.domain.order;

import static dev.pcorders.domain.order.TestOrders.aLineItem;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CurrencyCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CachedOrderTest {

    private static final Instant PRICED_AT = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private static Order withoutPrices(Order order) {
        return order.toBuilder().totalPrice(null)
                .lineItems(order.lineItems().stream().map(line -> line.toBuilder().pricing(null).build()).toList())
                .build();
    }

    @Test
    void aPricedSyncTakesItsOwnPricesAsOfItsStart() {
        Order sent = anOrder("a").build();
        CachedOrder earlier = new CachedOrder(anOrder("a").totalPrice(Amount.parse("1.00")).build(), Optional.of(PRICED_AT));

        CachedOrder view = CachedOrder.afterSync(sent, true, NOW, Optional.of(earlier));

        assertThat(view).isEqualTo(new CachedOrder(sent, Optional.of(NOW)));
    }

    @Test
    void aPricedSyncWhoseAnswerHasNoPricesLeavesThemAbsent() {
        Order sent = withoutPrices(anOrder("a").build());
        CachedOrder earlier = new CachedOrder(anOrder("a").build(), Optional.of(PRICED_AT));

        assertThat(CachedOrder.afterSync(sent, true, NOW, Optional.of(earlier))).isEqualTo(new CachedOrder(sent, Optional.empty()));
    }

    @Test
    void aSyncWithoutPricesKeepsTheEarlierTotalAndLinePricingAndTheirDate() {
        Order priced = anOrder("a").lineItems(List.of(aLineItem(0).build(), aLineItem(1).build())).build();
        Order sent = withoutPrices(priced).toBuilder().status(OrderStatus.CANCELLED).build();

        CachedOrder view = CachedOrder.afterSync(sent, false, NOW, Optional.of(new CachedOrder(priced, Optional.of(PRICED_AT))));

        assertThat(view.order()).isEqualTo(priced.toBuilder().status(OrderStatus.CANCELLED).build());
        assertThat(view.pricesAsOf()).contains(PRICED_AT);
    }

    @Test
    void aLineThatChangedItsOfferOrIsNewGetsNoEarlierPriceAndTheOrderNoEarlierTotal() {
        Order priced = anOrder("a").build();
        Order sent = withoutPrices(anOrder("a").lineItems(List.of(
                aLineItem(0).offerId(TestOrders.OTHER_OFFER).build(), aLineItem(1).build())).build());

        CachedOrder view = CachedOrder.afterSync(sent, false, NOW, Optional.of(new CachedOrder(priced, Optional.of(PRICED_AT))));

        assertThat(view).isEqualTo(new CachedOrder(sent, Optional.empty()));
    }

    @Test
    void aSeatChangeKeepsTheOtherLinesPricesButNotItsOwnNorTheTotal() {
        Order priced = anOrder("a").lineItems(List.of(aLineItem(0).build(), aLineItem(1).build())).build();
        Order sent = withoutPrices(priced.toBuilder().lineItems(List.of(aLineItem(0).build(), aLineItem(1).quantity(3).build()))
                .build());

        CachedOrder view = CachedOrder.afterSync(sent, false, NOW, Optional.of(new CachedOrder(priced, Optional.of(PRICED_AT))));

        assertThat(view.order().lineItem(0).orElseThrow().pricing()).isEqualTo(priced.lineItems().get(0).pricing());
        assertThat(view.order().lineItem(1).orElseThrow().pricing()).as("5 seats' extended price is not 3 seats'").isEmpty();
        assertThat(view.order().totalPrice()).isEmpty();
        assertThat(view.pricesAsOf()).contains(PRICED_AT);
    }

    @Test
    void aTotalInAnotherCurrencyIsNotCarried() {
        Order priced = anOrder("a").build();
        Order sent = withoutPrices(priced).toBuilder().currencyCode(CurrencyCode.of("EUR")).lineItems(List.of()).build();

        CachedOrder view = CachedOrder.afterSync(sent, false, NOW, Optional.of(new CachedOrder(priced, Optional.of(PRICED_AT))));

        assertThat(view).isEqualTo(new CachedOrder(sent, Optional.empty()));
    }

    @Test
    void withoutAnEarlierPriceNothingIsInventedAndUnaskedPricesAreDatedNow() {
        Order sent = withoutPrices(anOrder("a").build());
        assertThat(CachedOrder.afterSync(sent, false, NOW, Optional.empty())).isEqualTo(new CachedOrder(sent, Optional.empty()));
        assertThat(CachedOrder.afterSync(sent, false, NOW, Optional.of(new CachedOrder(sent, Optional.empty()))))
                .isEqualTo(new CachedOrder(sent, Optional.empty()));
        Order unasked = anOrder("b").build();
        assertThat(CachedOrder.afterSync(unasked, false, NOW, Optional.empty())).isEqualTo(new CachedOrder(unasked, Optional.of(NOW)));
    }
}
