package dev.pcorders.domain.order;

import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.OTHER_CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.RESELLER;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.domain.order.OrderScope.Narrowing;
import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.ResellerId;
import org.junit.jupiter.api.Test;

class OrderScopeTest {

    private static final OrderScope PLAIN = OrderScope.allOrdersOf(CUSTOMER);

    @Test
    void aPlainScopeCoversEveryOrderOfItsCustomerButSystemPurchases() {
        assertThat(PLAIN.covers(anOrder("a").build(), false)).isTrue();
        assertThat(PLAIN.covers(anOrder("a").transactionType(null).build(), false)).isTrue();
        assertThat(PLAIN.covers(anOrder("a").transactionType(Coded.parse(OrderTransactionType.class, "system_purchase")).build(), false))
                .isFalse();
        assertThat(PLAIN.covers(anOrder("a").transactionType(Coded.of(OrderTransactionType.SYSTEM_BILLING)).build(), false)).isFalse();
        assertThat(PLAIN.withSystemPurchases().covers(
                anOrder("a").transactionType(Coded.of(OrderTransactionType.SYSTEM_BILLING)).build(), false)).isTrue();
        assertThat(OrderScope.allOrdersOf(OTHER_CUSTOMER).covers(anOrder("a").build(), false)).isFalse();
    }

    @Test
    void aBillingTypeScopeCoversOnlyOrdersKnownToBeOfThatCycle() {
        OrderScope annual = PLAIN.withBillingType(BillingCycle.ANNUAL);
        assertThat(annual.covers(anOrder("a").billingCycle(Coded.parse(BillingCycle.class, "Annual")).build(), false)).isTrue();
        assertThat(annual.covers(anOrder("a").billingCycle(BillingCycle.MONTHLY).build(), false)).isFalse();
        assertThat(annual.covers(anOrder("a").billingCycle((BillingCycle) null).build(), false)).isFalse();
    }

    @Test
    void aResellerScopeCoversOnlyWhatThatFilterReturnedBefore() {
        OrderScope reseller = PLAIN.withReseller(ResellerId.parse(RESELLER));
        assertThat(reseller.covers(anOrder("a").build(), true)).isTrue();
        assertThat(reseller.covers(anOrder("a").build(), false)).isFalse();
    }

    @Test
    void narrowingNamesWhatTheEarlierScopeFetchedAndThisOneDoesNot() {
        OrderScope wide = PLAIN.withPrices().withSystemPurchases();
        assertThat(PLAIN.narrowingFrom(wide)).containsExactlyInAnyOrder(Narrowing.PRICES, Narrowing.SYSTEM_PURCHASES);
        assertThat(wide.narrowingFrom(PLAIN)).isEmpty();
        assertThat(PLAIN.withReseller(ResellerId.parse(RESELLER)).withBillingType(BillingCycle.MONTHLY).narrowingFrom(PLAIN))
                .containsExactlyInAnyOrder(Narrowing.RESELLER_FILTER, Narrowing.BILLING_TYPE_FILTER);
        assertThat(PLAIN.narrowingFrom(PLAIN)).isEmpty();
    }

    @Test
    void aScopeKeyNamesEveryFilterAndFlagAndReadsBackToTheSameScope() {
        OrderScope everything = PLAIN.withReseller(ResellerId.parse(RESELLER)).withBillingType(BillingCycle.ANNUAL)
                .withPrices().withSystemPurchases();

        assertThat(PLAIN.key()).isEqualTo("reseller=;billingType=;includePrice=false;includeSystemPurchases=false");
        assertThat(everything.key()).isEqualTo("reseller=" + ResellerId.parse(RESELLER)
                + ";billingType=ANNUAL;includePrice=true;includeSystemPurchases=true");
        for (OrderScope scope : new OrderScope[] {PLAIN, everything, PLAIN.withPrices(), PLAIN.withBillingType(BillingCycle.MONTHLY)}) {
            assertThat(OrderScope.fromKey(CUSTOMER, scope.key())).isEqualTo(scope);
        }
        assertThat(PLAIN.kind().name()).isEqualTo("orders");
    }

    @Test
    void aKeyThatIsNotAnOrderScopeKeyIsRefusedSayingWhatWasExpected() {
        for (String bad : new String[] {"", "reseller=;billingType=;includePrice=false",
                "billingType=;reseller=;includePrice=false;includeSystemPurchases=false",
                "reseller=;billingType=WEEKLY;includePrice=false;includeSystemPurchases=false",
                "reseller=;billingType=;includePrice=yes;includeSystemPurchases=false",
                "reseller=;billingType=;includePrice=false;includeSystemPurchases=false;extra=1"}) {
            assertThatThrownBy(() -> OrderScope.fromKey(CUSTOMER, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an order scope key");
        }
    }
}
